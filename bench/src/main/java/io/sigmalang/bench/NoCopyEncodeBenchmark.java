package io.sigmalang.bench;

import io.sigmalang.domain.codec.EncodedStream;
import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.StreamSink;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
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
 * The no-copy form against the copying form, delivering to the same destination: one operation encodes the
 * next message of the corpus and puts its stream into a 64 KiB heap buffer that stands for a file's write
 * buffer (cleared when full). {@code form=noCopy} hands the stream over in the pool's buffers
 * ({@link Encoder#encode(SemanticTree, StreamSink)}); {@code form=copying} encodes into a new array
 * ({@link Encoder#encode(SemanticTree)}) and puts that. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is
 * the bytes allocated per message. As in {@link EncodeBenchmark}, a new encoder starts a new conversation each
 * time the corpus wraps around.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NoCopyEncodeBenchmark extends BenchmarkConfig {

    @Param({"fixed", "adaptive", "offheap"})
    public String pool;

    @Param({"defaults", "fullFormOnly"})
    public String settings;

    @Param({"noCopy", "copying"})
    public String form;

    private SemanticTree[] trees;
    private BufferPool bufferPool;
    private EncoderSettings encoderSettings;
    private Encoder encoder;
    private int next;
    private final ByteBuffer destination = ByteBuffer.allocate(1 << 16);
    private final StreamSink sink = this::put;

    @Setup(Level.Trial)
    public void setUp() {
        List<SemanticTree> parsed = Corpus.resolve("").trees(CodecWiring::parse);
        trees = parsed.toArray(SemanticTree[]::new);
        bufferPool = encoderPool(pool);
        encoderSettings = EncodeBenchmark.settingsNamed(settings);
        encoder = CodecWiring.encoder(bufferPool, encoderSettings);
        if (!form.equals("noCopy") && !form.equals("copying")) {
            throw new IllegalArgumentException("unknown form '" + form + "' (expected noCopy or copying)");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        encoder.close();
        long outstanding = bufferPool.stats().outstanding();
        bufferPool.close();
        if (outstanding != 0) {
            throw new IllegalStateException(outstanding + " leases of pool " + pool + " were never released");
        }
    }

    private void put(EncodedStream stream) {
        if (destination.remaining() < stream.size()) {
            destination.clear();
        }
        for (int i = 0; i < stream.chunkCount(); i++) {
            destination.put(stream.chunk(i));
        }
    }

    @Benchmark
    public int encode() throws IOException {
        SemanticTree tree = trees[next];
        int size;
        if (form.equals("noCopy")) {
            size = encoder.encode(tree, sink);
        } else {
            byte[] stream = encoder.encode(tree);
            if (destination.remaining() < stream.length) {
                destination.clear();
            }
            destination.put(stream);
            size = stream.length;
        }
        if (++next == trees.length) {
            next = 0;
            encoder.close();
            encoder = CodecWiring.encoder(bufferPool, encoderSettings);
        }
        return size;
    }
}
