package io.sigmalang.domain.batch;

import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.EncoderStats;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.PathStats;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.format.TreeRejectedException;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolExhaustedException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The batch use case: encode many conversations whose messages arrive interleaved, as in a log, into one
 * {@link ConversationOutput}.
 *
 * <p>Design. Each conversation is a small actor: a queue of its pending messages and its own {@link Encoder},
 * which only one worker drives at a time (a conversation is scheduled on the executor when a message arrives
 * and it is not already scheduled; its task drains the queue and unschedules itself under the conversation's
 * lock, so the next task sees everything the previous one did). Its messages are therefore encoded in the
 * order they were submitted, by one encoder, whatever the number of workers: each conversation's streams are
 * byte-identical to those of a lone encoder, whatever the workers, the pool and the interleaving. Conversations
 * run concurrently on the workers, sharing one {@link BufferPool}. A stream goes to the output in the pool's
 * buffers (the no-copy form), under one lock, so the output sees one call at a time.
 *
 * <p>Memory is bounded by the live conversations, never by the input: {@link #submit} waits once
 * {@link BatchSettings#maxQueued()} messages are pending, and idle conversations can be ended by count or time
 * (their encoder closed, their buffers released). A message that cannot be encoded stops its conversation only
 * (the rest of its messages are dropped and counted); the streams already written stay. A failing output stops
 * the whole batch, and {@link #finish()} rethrows its exception.
 *
 * <p>{@link #submit}, {@link #end} and {@link #finish} are called from one thread (or serialised by the
 * caller); the work happens on the batch's own threads. Close it to stop it early: every encoder is closed
 * and every buffer released.
 */
public final class BatchEncoder implements AutoCloseable {
    /** Failures kept for the summary; the rest are only counted. */
    public static final int FAILURES_KEPT = 1000;

    private final BufferPool pool;
    private final Supplier<? extends Encoder> encoders;
    private final TextParser parser;
    private final ConversationOutput output;
    private final BatchSettings settings;
    private final ExecutorService executor;
    private final Semaphore queued;

    /** Open conversations by id, least recently fed first. Used by the submitting thread only. */
    private final LinkedHashMap<String, Conversation> live = new LinkedHashMap<>(16, 0.75f, true);
    private long submitted;
    private int started;
    private boolean finished;

    // Shared with the workers, guarded by outputLock.
    private final Object outputLock = new Object();
    private IOException broken;
    private boolean aborted;
    private int open;
    private long peakLive;
    private long messages;
    private long dropped;
    private long failedConversations;
    private final List<ConversationFailure> failures = new ArrayList<>();
    private EncoderStats totals;

    /** A batch whose conversations each get a {@link SigmaEncoder} with {@code encoderSettings} on {@code pool}. */
    public BatchEncoder(BufferPool pool, EncoderSettings encoderSettings, TextParser parser, BatchSettings settings,
            ConversationOutput output) {
        this(pool, () -> new SigmaEncoder(pool, encoderSettings), parser, settings, output);
    }

    /** A batch whose conversations each get an encoder from {@code encoders}, all on {@code pool}. */
    public BatchEncoder(BufferPool pool, Supplier<? extends Encoder> encoders, TextParser parser,
            BatchSettings settings, ConversationOutput output) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.encoders = Objects.requireNonNull(encoders, "encoders");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.output = Objects.requireNonNull(output, "output");
        this.queued = new Semaphore(settings.maxQueued());
        this.totals = emptyStats();
        if (settings.virtualThreads()) {
            this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sigmalang-batch-", 0)
                    .factory());
        } else {
            this.executor = Executors.newFixedThreadPool(settings.workers(), platformThreads());
        }
    }

    private static ThreadFactory platformThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sigmalang-batch-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Hands over the next message of conversation {@code id}. Returns once it is queued; waits while
     * {@link BatchSettings#maxQueued()} messages are pending.
     *
     * @throws IOException when the output has failed: the batch is stopped
     * @throws IllegalStateException after {@link #finish()} or {@link #close()}
     */
    public void submit(String id, String text) throws IOException, InterruptedException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (finished) {
            throw new IllegalStateException("this batch has finished; it takes no more messages");
        }
        throwIfBroken();
        queued.acquire();
        submitted++;
        Conversation c = live.get(id);
        if (c == null) {
            c = start(id);
        }
        c.lastSubmit = submitted;
        c.lastNanos = System.nanoTime();
        c.offer(text);
        endIdle();
    }

    /** Ends conversation {@code id} once its queued messages are encoded (nothing if it is not open). */
    public void end(String id) {
        Conversation c = live.remove(id);
        if (c != null) {
            c.end();
        }
    }

    /** Ends the conversations idle past the settings' count or time; {@link #submit} calls it too. */
    public void endIdle() {
        long now = System.nanoTime();
        Iterator<Conversation> eldest = live.values().iterator();
        while (eldest.hasNext()) {
            Conversation c = eldest.next();
            boolean byCount = settings.idleMessages() > 0 && submitted - c.lastSubmit >= settings.idleMessages();
            boolean byTime = !settings.idleTime().isZero() && now - c.lastNanos >= settings.idleTime().toNanos();
            if (!byCount && !byTime) {
                return;
            }
            eldest.remove();
            c.end();
        }
    }

    /**
     * The statistics of the conversations ended so far, added up, with the pool's current figures. A live
     * conversation's encoder belongs to the worker driving it, so its figures join when it ends.
     */
    public EncoderStats stats() {
        synchronized (outputLock) {
            EncoderStats t = totals;
            return new EncoderStats(t.messages(), t.inputBytes(), t.inputMessages(), t.fullFormBytes(),
                    t.outputBytes(), t.paths(), t.bankHits(), t.bankMisses(), t.bankCollisions(), t.bankSize(),
                    t.bankCapacity(), t.contextDepth(), pool.stats());
        }
    }

    /** Conversations open now (started and not yet ended). */
    public int liveConversations() {
        synchronized (outputLock) {
            return open;
        }
    }

    /**
     * Ends every conversation, waits until all are encoded and ended, and reports.
     *
     * @throws IOException the output's failure, when it failed: the output is then incomplete
     */
    public BatchSummary finish() throws IOException, InterruptedException {
        if (!finished) {
            finished = true;
            for (Conversation c : live.values()) {
                c.end();
            }
            live.clear();
        }
        synchronized (outputLock) {
            while (open > 0) {
                outputLock.wait();
            }
        }
        executor.shutdown();
        throwIfBroken();
        synchronized (outputLock) {
            return new BatchSummary(started, messages, dropped, failedConversations, failures, peakLive, totals,
                    pool.stats());
        }
    }

    /**
     * Stops the batch: what is queued is dropped, every conversation is ended and its encoder closed, the
     * workers stop. After {@link #finish()} it only stops the workers. Waits for them.
     */
    @Override
    public void close() {
        synchronized (outputLock) {
            if (!finished) {
                aborted = true;
            }
        }
        finished = true;
        for (Conversation c : live.values()) {
            c.end();
        }
        live.clear();
        boolean interrupted = false;
        synchronized (outputLock) {
            while (open > 0) {
                try {
                    outputLock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        executor.shutdown();
        try {
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                // The tasks are all finished; the threads are only leaving.
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Conversation start(String id) throws IOException {
        Conversation c = new Conversation(started++, id);
        synchronized (outputLock) {
            throwIfBrokenLocked();
            try {
                output.opened(c.number, id);
            } catch (IOException e) {
                broken = e;
                throw e;
            }
            open++;
            peakLive = Math.max(peakLive, open);
        }
        live.put(id, c);
        return c;
    }

    private void throwIfBroken() throws IOException {
        synchronized (outputLock) {
            throwIfBrokenLocked();
        }
    }

    private void throwIfBrokenLocked() throws IOException {
        if (broken != null) {
            throw new IOException("the batch stopped: its output failed: " + broken.getMessage(), broken);
        }
    }

    /** One conversation: its queue (guarded by itself) and, confined to the task draining it, its encoder. */
    private final class Conversation implements Runnable {
        final int number;
        final String id;
        long lastSubmit;
        long lastNanos;

        private final ArrayDeque<String> queue = new ArrayDeque<>();
        private boolean scheduled;
        private boolean ending;
        /** Abandoned after an error escaped: takes no more messages. */
        private boolean dead;
        /** Counted as ended (guarded by outputLock). */
        private boolean counted;

        // Touched only by the task draining this conversation.
        private Encoder encoder;
        private long encoded;
        private long droppedHere;
        private ConversationFailure failure;
        private EncoderStats stats;

        Conversation(int number, String id) {
            this.number = number;
            this.id = id;
        }

        void offer(String text) {
            synchronized (this) {
                if (dead) {
                    queued.release();
                    synchronized (outputLock) {
                        dropped++;
                    }
                    return;
                }
                queue.add(text);
                schedule();
            }
        }

        void end() {
            synchronized (this) {
                if (dead) {
                    return;
                }
                ending = true;
                schedule();
            }
        }

        private void schedule() {
            if (!scheduled) {
                scheduled = true;
                executor.execute(this);
            }
        }

        @Override
        public void run() {
            try {
                drain();
            } catch (Throwable t) {
                // Even an error (out of memory, say) while encoding or reporting stops only this conversation,
                // and never leaves the batch waiting: its queue's permits are returned, its encoder closed, and it
                // is counted as ended, whatever else fails on the way.
                abandon(t);
            }
        }

        private void drain() {
            while (true) {
                String text;
                synchronized (this) {
                    text = queue.poll();
                    if (text == null && !ending) {
                        scheduled = false;
                        return;
                    }
                }
                if (text == null) {
                    close();
                    return;
                }
                queued.release();
                encodeOne(text);
            }
        }

        private void abandon(Throwable t) {
            try {
                synchronized (this) {
                    dead = true;
                    droppedHere += queue.size();
                    queued.release(queue.size());
                    queue.clear();
                }
                if (failure == null) {
                    failure = t instanceof OutOfMemoryError
                            ? new ConversationFailure(id, encoded + 1, ConversationFailure.Cause.OUT_OF_MEMORY,
                                    String.valueOf(t.getMessage()))
                            : new ConversationFailure(id, encoded + 1, ConversationFailure.Cause.ERROR, t.toString());
                }
                closeEncoder();
            } catch (Throwable again) {
                // Nothing more can be done for this conversation; it is still counted as ended below.
            } finally {
                synchronized (outputLock) {
                    if (!counted) {
                        counted = true;
                        try {
                            messages += encoded;
                            dropped += droppedHere;
                            failedConversations++;
                            if (failure != null && failures.size() < FAILURES_KEPT) {
                                failures.add(failure);
                            }
                            if (broken == null) {
                                output.ended(number, new ConversationResult(number, id, encoded, droppedHere,
                                        Optional.ofNullable(failure)));
                            }
                        } catch (IOException e) {
                            broken = e;
                        } catch (Throwable e) {
                            // Reported as well as it could be; the count below is what matters.
                        } finally {
                            open--;
                            outputLock.notifyAll();
                        }
                    }
                }
            }
        }

        private void encodeOne(String text) {
            boolean stop;
            synchronized (outputLock) {
                stop = broken != null || aborted;
            }
            if (stop || failure != null) {
                droppedHere++;
                return;
            }
            long message = encoded + 1;
            try {
                if (encoder == null) {
                    encoder = encoders.get();
                }
                encoder.encode(parser.parse(text), stream -> {
                    synchronized (outputLock) {
                        if (broken != null) {
                            throw new IOException("the output failed before", broken);
                        }
                        try {
                            output.stream(number, message, stream);
                        } catch (IOException e) {
                            broken = e;
                            throw e;
                        }
                    }
                });
                encoded = message;
            } catch (IOException e) {
                droppedHere++;
            } catch (TreeRejectedException e) {
                fail(message, ConversationFailure.Cause.REJECTED, e.getMessage());
            } catch (PoolExhaustedException e) {
                fail(message, ConversationFailure.Cause.POOL_EXHAUSTED, e.getMessage());
            } catch (RuntimeException e) {
                fail(message, ConversationFailure.Cause.ERROR, e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        private void fail(long message, ConversationFailure.Cause cause, String reason) {
            String text = reason == null ? cause.name() : reason.lines().findFirst().orElse("");
            failure = new ConversationFailure(id, message, cause, text);
            closeEncoder();
        }

        /** Closes the encoder (its buffers go back), then reports the conversation's end. */
        private void close() {
            try {
                closeEncoder();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new ConversationFailure(id, encoded, ConversationFailure.Cause.ERROR,
                            "closing its encoder failed: " + e);
                }
            }
            synchronized (outputLock) {
                try {
                    if (stats != null) {
                        totals = totals.plus(stats);
                    }
                    messages += encoded;
                    dropped += droppedHere;
                    if (failure != null) {
                        failedConversations++;
                        if (failures.size() < FAILURES_KEPT) {
                            failures.add(failure);
                        }
                    }
                    if (broken == null) {
                        try {
                            output.ended(number, new ConversationResult(number, id, encoded, droppedHere,
                                    Optional.ofNullable(failure)));
                        } catch (IOException e) {
                            broken = e;
                        }
                    }
                } finally {
                    counted = true;
                    open--;
                    outputLock.notifyAll();
                }
            }
        }

        private void closeEncoder() {
            if (encoder != null) {
                Encoder e = encoder;
                encoder = null;
                try {
                    e.close();
                } finally {
                    // After closing, so that the pool's figures in the stats count the window as given back.
                    stats = e.stats();
                }
            }
        }
    }

    private EncoderStats emptyStats() {
        Map<EncodingPath, PathStats> none = new EnumMap<>(EncodingPath.class);
        return new EncoderStats(0, 0, 0, 0, 0, none, 0, 0, 0, 0, 0, 0, pool.stats());
    }
}
