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
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EncodeIntoBufferBenchmark extends BenchmarkConfig {

    /** A corpus file; empty for the system property {@value Corpus#PATH_PROPERTY}, else the shipped corpus. */
    @Param({""})
    public String corpus;

    private SemanticTree[] trees;
    private BufferPool unused;
    private Encoder encoder;
    private ByteBuffer out;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        trees = Corpus.resolve(corpus).trees(CodecWiring::parse).toArray(SemanticTree[]::new);
        unused = new SingleBufferPool(BUFFER_SIZE);
        encoder = CodecWiring.encoder(unused, EncoderSettings.fullFormOnly());
        out = ByteBuffer.allocate(64 * 1024);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        unused.close();
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
