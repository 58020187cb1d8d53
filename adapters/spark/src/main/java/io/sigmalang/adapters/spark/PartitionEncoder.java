package io.sigmalang.adapters.spark;

import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.domain.batch.BatchEncoder;
import io.sigmalang.domain.batch.BatchSummary;
import io.sigmalang.domain.batch.ConversationOutput;
import io.sigmalang.domain.batch.ConversationResult;
import io.sigmalang.domain.codec.EncodedStream;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.pool.BufferPool;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Encodes one partition of messages, sorted by conversation, seq and text, with the domain's batch service
 * ({@link BatchEncoder}, unchanged): the task thread submits each conversation's messages in seq order and ends
 * the conversation when the next one starts; the service encodes them on the executor's shared pool
 * ({@link ExecutorPools}) and hands each stream to this class, which turns it into a row.
 *
 * <p>Rows come out as the service produces them: the task thread feeds the service only while no output row is
 * waiting, and the service's own bound ({@code batch.max-queued}) stops it feeding further ahead, so a partition
 * is never held in memory. The output has one row per input row: a stream, or a rejected row with the reason
 * (a message the encoder refused, the messages of its conversation after it, which the service drops, a row with
 * a null column, a seq already seen in its conversation). Under fail-fast the first rejected row fails the task.
 *
 * <p>When the partition is done, the task adds the encoders' statistics, the counts and the change of the pool's
 * statistics to the job's accumulator.
 */
final class PartitionEncoder implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** Thread-safe and stateless: one per executor JVM. */
    private static final TextParser BUILT_IN = new RuleBasedTextParser();

    /** Where a task gets its parser: shipped with the task, so it is serializable. */
    interface Parsers extends Serializable {
        TextParser parser();
    }

    /** The rule-based parser with its built-in lexicon, as the CLI's. */
    static final Parsers RULE_BASED = () -> BUILT_IN;

    private final SigmaSparkConfig config;
    private final StatsAccumulator stats;
    private final Parsers parsers;

    PartitionEncoder(SigmaSparkConfig config, StatsAccumulator stats, Parsers parsers) {
        this.config = Objects.requireNonNull(config, "config");
        this.stats = stats;
        this.parsers = Objects.requireNonNull(parsers, "parsers");
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Run run = new Run(rows, ExecutorPools.pool(config), parsers.parser());
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> run.close());
        }
        return run;
    }

    /** The seqs of one conversation submitted and not yet seen in the output, oldest first. */
    private record Feed(String id, Queue<Long> seqs) {
    }

    private final class Run implements Iterator<Row>, ConversationOutput {
        private final Iterator<Row> rows;
        private final BufferPool pool;
        private final TextParser parser;
        /** Started by the first message to encode: a partition without one (there are many) starts no thread. */
        private BatchEncoder batch;
        private final LinkedBlockingQueue<Row> out = new LinkedBlockingQueue<>();
        /** Conversations by id from their first submit to their start; by number from then on. */
        private final Map<String, Feed> starting = new ConcurrentHashMap<>();
        private final Map<Integer, Feed> open = new ConcurrentHashMap<>();
        private final AtomicLong rejected = new AtomicLong();
        /** The thread that runs the task and reads this iterator; the service's workers are others. */
        private final Thread taskThread = Thread.currentThread();
        private volatile String failFastReason;

        // The task thread's own state.
        private Feed current;
        private Long lastSeq;
        private Row next;
        private boolean finished;
        private boolean closed;

        Run(Iterator<Row> rows, BufferPool pool, TextParser parser) {
            this.rows = rows;
            this.pool = pool;
            this.parser = parser;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                String reason = failFastReason;
                if (reason != null) {
                    throw new RejectedRowException(reason);
                }
                next = out.poll();
                if (next != null) {
                    break;
                }
                if (finished) {
                    return false;
                }
                if (rows.hasNext()) {
                    feed(rows.next());
                } else {
                    finish();
                }
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = next;
            next = null;
            return row;
        }

        private void feed(Row row) {
            String id = row.isNullAt(0) ? null : row.getString(0);
            Long seq = row.isNullAt(1) ? null : row.getLong(1);
            if (!row.isNullAt(3)) {
                reject(id, seq, "the input record could not be read as conversation (string), seq (whole number),"
                        + " text (string): " + Rows.quote(row.getString(3)));
                return;
            }
            if (id == null || seq == null || row.isNullAt(2)) {
                reject(id, seq, "the " + (id == null ? "conversation" : seq == null ? "seq" : "text") + " is null");
                return;
            }
            if (current == null || !current.id().equals(id)) {
                if (current != null) {
                    batch.end(current.id());
                }
                current = new Feed(id, new ConcurrentLinkedQueue<>());
                starting.put(id, current);
                lastSeq = null;
            } else if (seq.equals(lastSeq)) {
                reject(id, seq, "not encoded: seq " + seq + " appears more than once in this conversation (the first"
                        + " by text was encoded)");
                return;
            }
            lastSeq = seq;
            current.seqs().add(seq);
            if (batch == null) {
                batch = new BatchEncoder(pool, config.codecSettings().toEncoderSettings(), parser,
                        config.batchSettings(), this);
            }
            try {
                batch.submit(id, row.getString(2));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the task was interrupted while encoding", e);
            }
        }

        private void finish() {
            BatchSummary summary = null;
            try {
                if (batch != null) {
                    summary = batch.finish();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the task was interrupted while encoding", e);
            }
            close();
            finished = true;
            if (stats != null) {
                long[] v = summary == null ? StatsVector.zero() : StatsVector.of(summary.totals());
                v[StatsVector.CONVERSATIONS] = summary == null ? 0 : summary.conversations();
                v[StatsVector.REJECTED] = rejected.get();
                StatsVector.add(v, ExecutorPools.reportChange(config));
                stats.add(v);
            }
        }

        void close() {
            if (!closed) {
                closed = true;
                if (batch != null) {
                    batch.close();
                }
            }
        }

        private void reject(String id, Long seq, String reason) {
            rejected.incrementAndGet();
            if (config.failFast()) {
                String message = "conversation " + Rows.quote(id) + " seq " + seq + ": " + reason;
                if (Thread.currentThread() == taskThread) {
                    throw new RejectedRowException(message);
                }
                if (failFastReason == null) {
                    failFastReason = message;
                }
            }
            out.add(RowFactory.create(id, seq, null, null, reason));
        }

        // ConversationOutput: called by the batch service, one call at a time.

        @Override
        public void opened(int conversation, String id) {
            open.put(conversation, starting.remove(id));
        }

        @Override
        public void stream(int conversation, long message, EncodedStream stream) {
            Feed feed = open.get(conversation);
            byte[] bytes = new byte[stream.size()];
            int at = 0;
            for (int i = 0; i < stream.chunkCount(); i++) {
                ByteBuffer chunk = stream.chunk(i);
                int n = chunk.remaining();
                chunk.get(bytes, at, n);
                at += n;
            }
            String path = StreamForm.of(bytes).name().toLowerCase(Locale.ROOT);
            out.add(RowFactory.create(feed.id(), feed.seqs().remove(), path, bytes, null));
        }

        @Override
        public void ended(int conversation, ConversationResult result) {
            Feed feed = open.remove(conversation);
            if (result.failure().isPresent()) {
                Long failed = feed.seqs().poll();
                reject(feed.id(), failed, result.failure().get().reason());
                for (Long seq = feed.seqs().poll(); seq != null; seq = feed.seqs().poll()) {
                    reject(feed.id(), seq, "not encoded: the message at seq " + failed
                            + " stopped this conversation, and every later message depends on it");
                }
            }
        }
    }
}
