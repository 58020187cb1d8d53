package io.sigmalang.adapters.spark;

import io.sigmalang.domain.codec.EncoderStats;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.PathStats;
import io.sigmalang.domain.pool.PoolStats;
import java.util.EnumMap;
import java.util.Map;

/**
 * The statistics of an encode job as one vector of longs, so that Spark can sum them from the tasks to the
 * driver in one accumulator: the encoders' statistics as {@link EncoderStats#plus} adds them (sums, except the
 * bank capacity and context depth, which take the larger), the pools' statistics summed over the executors' pools
 * (their buffer size takes the larger: it is the same everywhere), and the job's own counts.
 */
final class StatsVector {
    static final int MESSAGES = 0;
    static final int INPUT_BYTES = 1;
    static final int INPUT_MESSAGES = 2;
    static final int FULL_FORM_BYTES = 3;
    static final int OUTPUT_BYTES = 4;
    /** Count, nanos and bytes for each encoding path, in {@link EncodingPath} order. */
    static final int PATHS = 5;
    static final int BANK_HITS = PATHS + 3 * EncodingPath.values().length;
    static final int BANK_MISSES = BANK_HITS + 1;
    static final int BANK_COLLISIONS = BANK_HITS + 2;
    static final int BANK_SIZE = BANK_HITS + 3;
    static final int BANK_CAPACITY = BANK_HITS + 4;
    static final int CONTEXT_DEPTH = BANK_HITS + 5;
    static final int POOL = CONTEXT_DEPTH + 1;
    static final int POOL_CAPACITY = POOL;
    static final int POOL_BUFFER_SIZE = POOL + 1;
    static final int POOL_AVAILABLE = POOL + 2;
    static final int POOL_OUTSTANDING = POOL + 3;
    static final int POOL_PEAK_OUTSTANDING = POOL + 4;
    static final int POOL_ACQUIRES = POOL + 5;
    static final int POOL_RELEASES = POOL + 6;
    static final int POOL_OVERFLOWS = POOL + 7;
    static final int POOL_RESIZES = POOL + 8;
    static final int POOL_RETAINED = POOL + 9;
    static final int POOL_PEAK_RETAINED = POOL + 10;
    static final int POOL_LEAKS = POOL + 11;
    /** Conversations the tasks started. */
    static final int CONVERSATIONS = POOL + 12;
    /** Rows rejected (not encoded): the message that stopped a conversation, those dropped after it, bad rows. */
    static final int REJECTED = CONVERSATIONS + 1;
    static final int LENGTH = REJECTED + 1;


    private StatsVector() {
    }

    static long[] zero() {
        return new long[LENGTH];
    }

    /** Adds {@code other} into {@code into}. */
    static void add(long[] into, long[] other) {
        for (int i = 0; i < LENGTH; i++) {
            boolean largest = i == BANK_CAPACITY || i == CONTEXT_DEPTH || i == POOL_BUFFER_SIZE;
            into[i] = largest ? Math.max(into[i], other[i]) : into[i] + other[i];
        }
    }

    /** The encoders' part of {@code stats} (its pool part is left at zero). */
    static long[] of(EncoderStats stats) {
        long[] v = zero();
        v[MESSAGES] = stats.messages();
        v[INPUT_BYTES] = stats.inputBytes();
        v[INPUT_MESSAGES] = stats.inputMessages();
        v[FULL_FORM_BYTES] = stats.fullFormBytes();
        v[OUTPUT_BYTES] = stats.outputBytes();
        for (EncodingPath path : EncodingPath.values()) {
            PathStats p = stats.paths().getOrDefault(path, new PathStats(0, 0, 0));
            int at = PATHS + 3 * path.ordinal();
            v[at] = p.count();
            v[at + 1] = p.nanos();
            v[at + 2] = p.bytes();
        }
        v[BANK_HITS] = stats.bankHits();
        v[BANK_MISSES] = stats.bankMisses();
        v[BANK_COLLISIONS] = stats.bankCollisions();
        v[BANK_SIZE] = stats.bankSize();
        v[BANK_CAPACITY] = stats.bankCapacity();
        v[CONTEXT_DEPTH] = stats.contextDepth();
        return v;
    }

    /**
     * The change of a pool's statistics from {@code before} to {@code after}, in the pool part of a vector: the
     * sum of a pool's successive changes is its latest snapshot, so that summing over tasks gives, per executor,
     * its pool's statistics as of its last task, and over executors their sum. The buffer size is not a change:
     * it is carried as is.
     */
    static long[] poolChange(PoolStats before, PoolStats after) {
        long[] a = pool(after);
        long[] b = pool(before);
        long[] v = zero();
        for (int i = POOL; i < POOL + 12; i++) {
            v[i] = a[i] - b[i];
        }
        v[POOL_BUFFER_SIZE] = after.bufferSize();
        return v;
    }

    private static long[] pool(PoolStats p) {
        long[] v = zero();
        if (p == null) {
            return v;
        }
        v[POOL_CAPACITY] = p.capacity();
        v[POOL_BUFFER_SIZE] = p.bufferSize();
        v[POOL_AVAILABLE] = p.available();
        v[POOL_OUTSTANDING] = p.outstanding();
        v[POOL_PEAK_OUTSTANDING] = p.peakOutstanding();
        v[POOL_ACQUIRES] = p.acquires();
        v[POOL_RELEASES] = p.releases();
        v[POOL_OVERFLOWS] = p.overflowAllocations();
        v[POOL_RESIZES] = p.resizes();
        v[POOL_RETAINED] = p.retainedBytes();
        v[POOL_PEAK_RETAINED] = p.peakRetainedBytes();
        v[POOL_LEAKS] = p.leaks();
        return v;
    }

    /** The vector as the CLI's statistics: the encoders' sums, with the pools' sums named {@code poolName}. */
    static EncoderStats toEncoderStats(long[] v, String poolName) {
        Map<EncodingPath, PathStats> paths = new EnumMap<>(EncodingPath.class);
        for (EncodingPath path : EncodingPath.values()) {
            int at = PATHS + 3 * path.ordinal();
            paths.put(path, new PathStats(v[at], v[at + 1], v[at + 2]));
        }
        PoolStats pool = new PoolStats(poolName, (int) v[POOL_CAPACITY], (int) v[POOL_BUFFER_SIZE],
                (int) v[POOL_AVAILABLE], v[POOL_OUTSTANDING], v[POOL_PEAK_OUTSTANDING], v[POOL_ACQUIRES],
                v[POOL_RELEASES], v[POOL_OVERFLOWS], v[POOL_RESIZES], v[POOL_RETAINED], v[POOL_PEAK_RETAINED],
                v[POOL_LEAKS]);
        return new EncoderStats(v[MESSAGES], v[INPUT_BYTES], v[INPUT_MESSAGES], v[FULL_FORM_BYTES], v[OUTPUT_BYTES],
                paths, v[BANK_HITS], v[BANK_MISSES], v[BANK_COLLISIONS], (int) v[BANK_SIZE], (int) v[BANK_CAPACITY],
                (int) v[CONTEXT_DEPTH], pool);
    }
}
