package io.sigmalang.domain.pool;

/**
 * How a pool watches for leases that are never released.
 *
 * <p>A tracked lease is registered with a {@link java.lang.ref.Cleaner} and records where it was acquired; if
 * it becomes unreachable without having been released, the pool counts it in {@link PoolStats#leaks()}, takes
 * its slot back (with a fresh buffer: the old one may still be referenced), and hands a {@link LeakReport} to
 * the {@link #listener()}. Untracked leases cost nothing: {@link Level#OFF} allocates nothing per acquire.
 *
 * @param level          which leases are tracked
 * @param sampleInterval for {@link Level#SAMPLED}: one lease in this many is tracked (1 to 1,048,576)
 * @param listener       receives each leak found
 */
public record LeakDetection(Level level, int sampleInterval, LeakListener listener) {
    /** Netty's default sampling rate (one buffer in 128), a cost close to nothing in production. */
    public static final int DEFAULT_SAMPLE_INTERVAL = 128;
    /** The sparsest sampling: one lease in about a million. */
    public static final int MAX_SAMPLE_INTERVAL = 1 << 20;

    /** The levels, from cheapest to strictest. */
    public enum Level {
        /** Nothing is tracked; leaks go unnoticed (the default: the pooled path allocates nothing). */
        OFF,
        /** One lease in {@code sampleInterval} is tracked and records its acquire site. */
        SAMPLED,
        /** Every lease is tracked and records its acquire site. */
        PARANOID,
        /**
         * For tests: as {@link #PARANOID}, and {@link BufferPool#close()} fails with
         * {@link OpenLeasesException} when any lease is still open or was leaked, listing their acquire sites.
         */
        STRICT
    }

    public LeakDetection {
        PoolChecks.notNull("leak detection level", level);
        PoolChecks.between("leak sampleInterval", sampleInterval, 1, MAX_SAMPLE_INTERVAL);
        PoolChecks.notNull("leak listener", listener);
    }

    /** No tracking. */
    public static LeakDetection off() {
        return new LeakDetection(Level.OFF, DEFAULT_SAMPLE_INTERVAL, LeakListener.logging());
    }

    /** One lease in 128 tracked, leaks logged. */
    public static LeakDetection sampled() {
        return sampled(DEFAULT_SAMPLE_INTERVAL);
    }

    /** One lease in {@code interval} tracked, leaks logged. */
    public static LeakDetection sampled(int interval) {
        return new LeakDetection(Level.SAMPLED, interval, LeakListener.logging());
    }

    /** Every lease tracked, leaks logged. */
    public static LeakDetection paranoid() {
        return new LeakDetection(Level.PARANOID, DEFAULT_SAMPLE_INTERVAL, LeakListener.logging());
    }

    /** Every lease tracked, leaks logged, and close() fails while leases are open or were leaked. */
    public static LeakDetection strict() {
        return new LeakDetection(Level.STRICT, DEFAULT_SAMPLE_INTERVAL, LeakListener.logging());
    }

    /** The same level and interval, reporting to {@code listener}. */
    public LeakDetection withListener(LeakListener listener) {
        return new LeakDetection(level, sampleInterval, listener);
    }

    /** Whether any lease is tracked. */
    public boolean enabled() {
        return level != Level.OFF;
    }
}
