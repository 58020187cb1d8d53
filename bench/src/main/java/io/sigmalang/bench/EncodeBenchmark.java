package io.sigmalang.bench;

import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.tree.SemanticTree;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Encode throughput: one operation encodes the next message of the corpus into a new array
 * ({@link Encoder#encode(SemanticTree)}), the encoder leasing its buffer from the pool under test. The score is
 * messages per second; the auxiliary counters {@code inputBytes} and {@code outputBytes} are source-text and
 * stream bytes per second (divide by 10^6 for MB/s). Run with {@code -prof gc} for bytes allocated per message.
 *
 * <p>{@code pool=single} encodes through buffers allocated once, each leased through one reusable lease
 * ({@link SingleBufferPool}, {@value BenchmarkConfig#BASELINE_BUFFERS} buffers: the context window's and the
 * stream's): the difference between a strategy and {@code single} in the same run is the pool's share of encode
 * time. The corpus is parsed once, in
 * setup. An encoder is one conversation, so when the corpus wraps around a new encoder starts a new conversation
 * (otherwise every later pass would be all Σ-bank references); its construction is part of the measured cost,
 * spread over the corpus's messages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EncodeBenchmark extends BenchmarkConfig {

    /** The pool the encoder leases from: a strategy's label, or {@code single}. */
    @Param({"fixed", "adaptive", "offheap", "single"})
    public String pool;

    /** {@code defaults} (Σ-bank and delta on) or {@code fullFormOnly}. */
    @Param({"defaults", "fullFormOnly"})
    public String settings;

    /** A corpus file; empty for the system property {@value Corpus#PATH_PROPERTY}, else the shipped corpus. */
    @Param({""})
    public String corpus;

    private SemanticTree[] trees;
    private int[] sourceBytes;
    private BufferPool bufferPool;
    private EncoderSettings encoderSettings;
    private Encoder encoder;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<SemanticTree> parsed = Corpus.resolve(corpus).trees(CodecWiring::parse);
        trees = parsed.toArray(SemanticTree[]::new);
        sourceBytes = parsed.stream().mapToInt(tree -> tree.sourceBytes().orElse(0)).toArray();
        encoderSettings = settingsNamed(settings);
        bufferPool = encoderPool(pool);
        encoder = CodecWiring.encoder(bufferPool, encoderSettings);
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

    @Benchmark
    public byte[] encode(Throughput counters) {
        int index = next;
        byte[] stream = encoder.encode(trees[index]);
        if (++next == trees.length) {
            next = 0;
            encoder.close();
            encoder = CodecWiring.encoder(bufferPool, encoderSettings);
        }
        counters.inputBytes += sourceBytes[index];
        counters.outputBytes += stream.length;
        return stream;
    }

    static EncoderSettings settingsNamed(String name) {
        return switch (name) {
            case "defaults" -> EncoderSettings.defaults();
            case "fullFormOnly" -> EncoderSettings.fullFormOnly();
            default -> throw new IllegalArgumentException(
                    "unknown settings '" + name + "' (expected defaults or fullFormOnly)");
        };
    }

    /** Source-text and stream bytes, reported by JMH as rates next to the message rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Throughput {
        /** UTF-8 bytes of the messages encoded. */
        public long inputBytes;
        /** Stream bytes written. */
        public long outputBytes;

        @Setup(Level.Iteration)
        public void reset() {
            inputBytes = 0;
            outputBytes = 0;
        }
    }
}
