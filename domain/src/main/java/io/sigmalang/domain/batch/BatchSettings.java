package io.sigmalang.domain.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BatchEncoder} runs.
 *
 * @param workers        platform threads encoding conversations at once (1..1024); ignored with virtual threads
 * @param virtualThreads one virtual thread per busy conversation instead of a fixed set of workers
 * @param maxQueued      messages accepted but not yet encoded, over all conversations (1..1,048,576): beyond it
 *                       {@link BatchEncoder#submit} waits, so the input never piles up in memory
 * @param idleMessages   a conversation that has received no message while this many were submitted to the
 *                       batch is ended (0: never by count)
 * @param idleTime       a conversation that has received no message for this long is ended
 *                       ({@link Duration#ZERO}: never by time)
 */
public record BatchSettings(int workers, boolean virtualThreads, int maxQueued, long idleMessages, Duration idleTime) {

    public static final int MAX_WORKERS = 1024;
    public static final int MAX_QUEUED = 1 << 20;

    public BatchSettings {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers " + workers + " is out of range (expected 1.." + MAX_WORKERS
                    + ")");
        }
        if (maxQueued < 1 || maxQueued > MAX_QUEUED) {
            throw new IllegalArgumentException("maxQueued " + maxQueued + " is out of range (expected 1.."
                    + MAX_QUEUED + ")");
        }
        if (idleMessages < 0) {
            throw new IllegalArgumentException("idleMessages " + idleMessages + " is negative (expected 0 for never,"
                    + " or a count)");
        }
        Objects.requireNonNull(idleTime, "idleTime");
        if (idleTime.isNegative()) {
            throw new IllegalArgumentException("idleTime " + idleTime + " is negative (expected ZERO for never)");
        }
    }

    /** One worker per available processor, 4,096 queued messages, conversations never ended for idleness. */
    public static BatchSettings defaults() {
        return new BatchSettings(Runtime.getRuntime().availableProcessors(), false, 4096, 0, Duration.ZERO);
    }

    public BatchSettings withWorkers(int count) {
        return new BatchSettings(count, false, maxQueued, idleMessages, idleTime);
    }

    public BatchSettings withVirtualThreads() {
        return new BatchSettings(workers, true, maxQueued, idleMessages, idleTime);
    }

    public BatchSettings withMaxQueued(int count) {
        return new BatchSettings(workers, virtualThreads, count, idleMessages, idleTime);
    }

    public BatchSettings withIdleAfter(long messages, Duration time) {
        return new BatchSettings(workers, virtualThreads, maxQueued, messages, time);
    }
}
