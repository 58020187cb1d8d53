package io.sigmalang.domain.pool;

/**
 * The knobs every pool strategy shares. Strategies add their own (the adaptive pool's rule, the off-heap
 * pool's zeroing) in their own settings, which embed this record.
 *
 * @param capacity      buffers the pool keeps at most (for the adaptive pool: its initial capacity), 1 to
 *                      65,536
 * @param bufferSize    bytes per buffer, 1 to 1 GiB
 * @param stripes       independent free lists, chosen by thread id, so that threads do not contend on one
 *                      list; a power of two from 1 to 1024 (default: four per processor, 4 to 64)
 * @param bound         the optional limit on bytes allocated and not let go of, and what happens at it
 * @param leakDetection which leases are tracked for leaks
 */
public record PoolSettings(int capacity, int bufferSize, int stripes, PoolBound bound, LeakDetection leakDetection) {
    /** 32 buffers: the baseline every pool report compares against. */
    public static final int DEFAULT_CAPACITY = 32;
    /** 4 KiB: a page, and larger than most ΣLANG streams. */
    public static final int DEFAULT_BUFFER_SIZE = 4096;
    public static final int MAX_CAPACITY = 65536;
    public static final int MAX_BUFFER_SIZE = 1 << 30;
    public static final int MAX_STRIPES = 1024;

    public PoolSettings {
        PoolChecks.between("capacity", capacity, 1, MAX_CAPACITY);
        PoolChecks.between("bufferSize", bufferSize, 1, MAX_BUFFER_SIZE);
        PoolChecks.powerOfTwo("stripes", stripes, 1, MAX_STRIPES);
        PoolChecks.notNull("bound", bound);
        PoolChecks.notNull("leakDetection", leakDetection);
        if (bound.maxBytes() < bufferSize) {
            throw new IllegalArgumentException("bound maxBytes must be at least one buffer (bufferSize "
                    + bufferSize + "), was " + bound.maxBytes());
        }
    }

    /** 32 buffers of 4,096 bytes, default stripes, no bound, no leak tracking. */
    public static PoolSettings defaults() {
        return new PoolSettings(
                DEFAULT_CAPACITY, DEFAULT_BUFFER_SIZE, defaultStripes(), PoolBound.none(), LeakDetection.off());
    }

    /**
     * Four per processor, rounded up to a power of two, from 4 to 64. More stripes than processors make it
     * unlikely that two busy threads share one; a stripe costs 256 bytes, and a thread whose stripe is empty
     * takes a free buffer from another.
     */
    public static int defaultStripes() {
        int wanted = Math.min(64, Math.max(4, 4 * Runtime.getRuntime().availableProcessors()));
        return Integer.highestOneBit(wanted) == wanted ? wanted : Integer.highestOneBit(wanted) << 1;
    }

    public PoolSettings withCapacity(int capacity) {
        return new PoolSettings(capacity, bufferSize, stripes, bound, leakDetection);
    }

    public PoolSettings withBufferSize(int bufferSize) {
        return new PoolSettings(capacity, bufferSize, stripes, bound, leakDetection);
    }

    public PoolSettings withStripes(int stripes) {
        return new PoolSettings(capacity, bufferSize, stripes, bound, leakDetection);
    }

    public PoolSettings withBound(PoolBound bound) {
        return new PoolSettings(capacity, bufferSize, stripes, bound, leakDetection);
    }

    public PoolSettings withLeakDetection(LeakDetection leakDetection) {
        return new PoolSettings(capacity, bufferSize, stripes, bound, leakDetection);
    }

    /**
     * Checks that a pool which allocates all {@link #capacity()} buffers up front fits in its bound.
     *
     * @throws IllegalArgumentException when {@code capacity × bufferSize} exceeds the bound
     */
    public PoolSettings requirePreallocationWithinBound() {
        long bytes = (long) capacity * bufferSize;
        if (bytes > bound.maxBytes()) {
            throw new IllegalArgumentException("bound maxBytes must be at least capacity × bufferSize = " + bytes
                    + " for a pool that preallocates its buffers, was " + bound.maxBytes());
        }
        return this;
    }
}
