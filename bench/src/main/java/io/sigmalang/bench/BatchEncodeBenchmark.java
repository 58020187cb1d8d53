package io.sigmalang.bench;

import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.domain.batch.BatchEncoder;
import io.sigmalang.domain.batch.BatchSettings;
import io.sigmalang.domain.batch.BatchSummary;
import io.sigmalang.domain.batch.ConversationOutput;
import io.sigmalang.domain.batch.ConversationResult;
import io.sigmalang.domain.codec.EncodedStream;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.parser.TextParser;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Batch encoding: one invocation runs a {@link BatchEncoder} over {@value #CONVERSATIONS} conversations of
 * {@value #MESSAGES_EACH} messages each, interleaved round-robin as in a log, into an output that copies every
 * stream into a 64 KiB buffer (a file's write buffer); the score is messages per second. {@code workers} is 1
 * or 2 platform workers or {@code virtual} threads; {@code pool} is a strategy or {@code allocating}, a new
 * buffer per acquire (the baseline the pool must beat); every pool has {@value #POOL_CAPACITY} buffers, enough for
 * the conversations' context windows, which stay leased while a conversation is open (the batch ends every
 * conversation at its end, so each invocation leases and gives back 100 windows). Parsing is done once in setup
 * (the parser returns the pre-parsed tree), so only the batch and the encoding are measured. Run with
 * {@code -prof gc} for bytes per message: with {@code @OperationsPerInvocation} JMH already divides
 * {@code gc.alloc.rate.norm} by the {@value #MESSAGES} messages of an invocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchEncodeBenchmark extends BenchmarkConfig {
    static final int CONVERSATIONS = 100;
    static final int MESSAGES_EACH = 40;
    static final int MESSAGES = CONVERSATIONS * MESSAGES_EACH;
    /**
     * Every pool is sized for the demand: each of the 100 conversations holds its context window's buffer (two
     * while its window spans a buffer boundary) for as long as it is open, and each worker a stream's buffer.
     */
    static final int POOL_CAPACITY = 128;

    @Param({"fixed", "adaptive", "offheap", "allocating"})
    public String pool;

    @Param({"1", "2", "virtual"})
    public String workers;

    private String[] ids;
    private String[] texts;
    private BufferPool bufferPool;
    private BatchSettings settings;
    private TextParser parser;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> corpus = Corpus.shipped().messages();
        List<SemanticTree> trees = Corpus.shipped().trees(CodecWiring::parse);
        java.util.Map<String, SemanticTree> parsed = new java.util.HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            parsed.put(corpus.get(i), trees.get(i));
        }
        parser = text -> parsed.computeIfAbsent(text, t -> new RuleBasedTextParser().parse(t));
        ids = new String[MESSAGES];
        texts = new String[MESSAGES];
        int k = 0;
        for (int m = 0; m < MESSAGES_EACH; m++) {
            for (int c = 0; c < CONVERSATIONS; c++) {
                ids[k] = "c" + c;
                texts[k] = corpus.get(Math.floorMod(c * 7919 + m, corpus.size()));
                k++;
            }
        }
        bufferPool = pool.equals("allocating") ? new AllocatingBufferPool(BUFFER_SIZE)
                : PoolStrategy.byLabel(pool).create(POOL_CAPACITY, BUFFER_SIZE);
        settings = workers.equals("virtual") ? BatchSettings.defaults().withVirtualThreads()
                : BatchSettings.defaults().withWorkers(Integer.parseInt(workers));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long outstanding = bufferPool.stats().outstanding();
        bufferPool.close();
        if (outstanding != 0) {
            throw new IllegalStateException(outstanding + " leases of pool " + pool + " were never released");
        }
    }

    /** Copies every stream into a write buffer, as a container writer would, one call at a time. */
    private static final class CopyingOutput implements ConversationOutput {
        private final ByteBuffer destination = ByteBuffer.allocate(1 << 16);

        @Override
        public void opened(int conversation, String id) {
        }

        @Override
        public void stream(int conversation, long message, EncodedStream stream) {
            if (destination.remaining() < stream.size()) {
                destination.clear();
            }
            for (int i = 0; i < stream.chunkCount(); i++) {
                destination.put(stream.chunk(i));
            }
        }

        @Override
        public void ended(int conversation, ConversationResult result) {
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long batch() throws IOException, InterruptedException {
        try (BatchEncoder batch = new BatchEncoder(bufferPool, EncoderSettings.defaults(), parser, settings,
                new CopyingOutput())) {
            for (int k = 0; k < MESSAGES; k++) {
                batch.submit(ids[k], texts[k]);
            }
            BatchSummary summary = batch.finish();
            if (summary.messages() != MESSAGES) {
                throw new IllegalStateException(summary.messages() + " of " + MESSAGES + " messages encoded: "
                        + summary.failures());
            }
            return summary.totals().outputBytes();
        }
    }
}
