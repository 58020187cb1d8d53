package io.sigmalang.bench;

import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The allocation-free path: with {@link EncoderSettings#fullFormOnly()}, {@link Encoder#encode(SemanticTree,
 * ByteBuffer)} into a buffer the caller owns should allocate nothing. Run with {@code -prof gc}: the figure to
 * read is {@code gc.alloc.rate.norm}, which should be 0 B/op.
 *
 * <p>The encoder still stages the stream in a leased buffer before copying it out, so the pool is part of this
 * path: {@code pool=single} (one buffer leased through one reusable lease) shows the encoder's own allocation,
 * the strategies show whether their leases allocate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EncodeIntoBufferBenchmark extends BenchmarkConfig {

    /** The pool the encoder stages its streams in: a strategy's label, or {@code single}. */
    @Param({"single", "fixed", "adaptive", "offheap"})
    public String pool;

    /** A corpus file; empty for the system property {@value Corpus#PATH_PROPERTY}, else the shipped corpus. */
    @Param({""})
    public String corpus;

    private SemanticTree[] trees;
    private BufferPool bufferPool;
    private Encoder encoder;
    private ByteBuffer out;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        trees = Corpus.resolve(corpus).trees(CodecWiring::parse).toArray(SemanticTree[]::new);
        bufferPool = encoderPool(pool);
        encoder = CodecWiring.encoder(bufferPool, EncoderSettings.fullFormOnly());
        out = ByteBuffer.allocate(64 * 1024);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bufferPool.close();
    }

    @Benchmark
    public int encodeIntoCallerBuffer() {
        SemanticTree tree = trees[next];
        if (++next == trees.length) {
            next = 0;
        }
        out.clear();
        return encoder.encode(tree, out);
    }
}
