package io.sigmalang.domain.pool.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exact high-water mark of outstanding leases, and per-stripe acquire counts, without a counter that all
 * threads write.
 *
 * <p>A shared "outstanding" counter would be written by every acquire and release of every thread, and its
 * cache line would bounce between cores on each operation. Instead the mark {@code reserved} is only raised
 * when a new high is reached, and the headroom under it is spread over the stripes as <em>slack</em>
 * (escrow): an acquire takes one unit of its stripe's slack, a release gives one back. The invariant is
 * {@code reserved = outstanding + Σ slack}, with every slack ≥ 0, so {@code outstanding ≤ reserved} always.
 * An acquire whose stripe has no slack first takes half of another stripe's; only when no stripe has any is
 * outstanding equal to {@code reserved}, and the acquire raises the mark by one. Steady traffic therefore
 * touches only its own stripe's cell, and the mark is exact, also under concurrency (see
 * {@link #reserveSlow}): it is raised only at an instant when outstanding equalled it.
 *
 * <p>Each cell is one long, {@code slack << 32 | count}, where count is the stripe's acquires modulo 2^32
 * (used to sample leases for leak tracking and to time capacity windows). A cell also holds the stripe's
 * next window checkpoint and its count when the window began. Cells are 128 bytes apart.
 *
 * <p>Windows: {@link #windowPeak()} returns the mark since the previous call and starts a new one at the
 * current outstanding, by collecting every stripe's slack. An acquire that passes its stripe's checkpoint only
 * raises a review flag in its own cell ({@link #requestReview}); the pool reviews the window on a later release
 * ({@link #reviewRequested}), never on the acquire. Nothing here that every operation reads is written once per
 * window unless it changed, so that closing a window costs other threads as few cache misses as possible.
 */
final class DemandCells {
    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int PAD = 16;
    private static final int CHECKPOINT = 1;
    private static final int BASE = 2;
    private static final int REQUEST = 3;
    private static final long ONE_SLACK = 1L << 32;
    private static final long COUNT_MASK = 0xFFFF_FFFFL;

    private final long[] cells;
    private final int stripes;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong highest = new AtomicLong();
    private final ReentrantLock slowLock = new ReentrantLock();
    private final long[] firstPass;
    /** The pool-wide review flag (see {@link #requestReview}), alone in the middle of its array. */
    private final long[] review = new long[2 * PAD];
    /** Stripes with acquires in the window, as last counted; read and written under the pool's window lock. */
    private int activeStripes;
    /** The window's length, as last started; read by {@link #requestReview}, written when it changes. */
    private long windowLength = Long.MAX_VALUE;

    DemandCells(int stripes) {
        this.stripes = stripes;
        this.cells = new long[(stripes + 1) * PAD];
        this.firstPass = new long[stripes];
        this.activeStripes = stripes;
    }

    private static int at(int stripe) {
        return (stripe + 1) * PAD - 4;
    }

    /** Counts an acquire on {@code stripe} and takes one unit of slack; returns the stripe's new count. */
    int reserve(int stripe) {
        int at = at(stripe);
        long cell = (long) CELLS.getVolatile(cells, at);
        while (cell >>> 32 != 0) {
            long witness = (long) CELLS.compareAndExchange(cells, at, cell, take(cell, 1));
            if (witness == cell) {
                return (int) cell + 1;
            }
            cell = witness; // a thread on the same stripe, or a release, got there first: retry without a lock
        }
        return reserveSlow(at, stripe);
    }

    /** {@code cell} with {@code slack} units taken and the count advanced by one. */
    private static long take(long cell, long slack) {
        return ((cell >>> 32) - slack) << 32 | ((cell + 1) & COUNT_MASK);
    }

    /**
     * No slack on this stripe. Under {@code slowLock} (so that steals, raises of the mark and window resets
     * exclude each other): take this stripe's slack if some came back, else steal half of another's, else
     * raise the mark, but only once two successive reads of every cell found them equal and without slack.
     * Outside the lock a cell only changes by a release (slack + 1) or an acquire (slack - 1, count + 1), so
     * two equal reads mean the cell did not change in between, and at the moment between the two passes no
     * stripe had slack: outstanding was exactly the mark, and this acquire raises it to a true peak.
     */
    private int reserveSlow(int at, int stripe) {
        slowLock.lock();
        try {
            for (;;) {
                long cell = (long) CELLS.getVolatile(cells, at);
                if (cell >>> 32 != 0) {
                    if (CELLS.compareAndSet(cells, at, cell, take(cell, 1))) {
                        return (int) cell + 1;
                    }
                    continue;
                }
                long gained = steal(stripe);
                if (gained == 0) {
                    if (!noSlackAnywhere()) {
                        continue;
                    }
                    highest.accumulateAndGet(reserved.incrementAndGet(), Math::max);
                    gained = 1;
                }
                for (;;) {
                    cell = (long) CELLS.getVolatile(cells, at);
                    if (CELLS.compareAndSet(cells, at, cell, take(cell, 1 - gained))) {
                        return (int) cell + 1;
                    }
                }
            }
        } finally {
            slowLock.unlock();
        }
    }

    /** Two passes over the cells, equal and without slack (see {@link #reserveSlow}). Holds slowLock. */
    private boolean noSlackAnywhere() {
        for (int stripe = 0; stripe < stripes; stripe++) {
            long cell = (long) CELLS.getVolatile(cells, at(stripe));
            if (cell >>> 32 != 0) {
                return false;
            }
            firstPass[stripe] = cell;
        }
        for (int stripe = 0; stripe < stripes; stripe++) {
            if ((long) CELLS.getVolatile(cells, at(stripe)) != firstPass[stripe]) {
                return false;
            }
        }
        return true;
    }

    /** Takes half (rounded up) of the first other stripe's slack found; returns how much, 0 when none has any. */
    private long steal(int stripe) {
        for (int k = 1; k < stripes; k++) {
            int at = at((stripe + k) & (stripes - 1));
            for (;;) {
                long cell = (long) CELLS.getVolatile(cells, at);
                long slack = cell >>> 32;
                if (slack == 0) {
                    break;
                }
                long half = (slack + 1) >>> 1;
                if (CELLS.compareAndSet(cells, at, cell, cell - half * ONE_SLACK)) {
                    return half;
                }
            }
        }
        return 0;
    }

    /** Gives back the unit of slack of a released lease, on the releasing thread's stripe. */
    void giveBack(int stripe) {
        CELLS.getAndAdd(cells, at(stripe), ONE_SLACK);
    }

    /**
     * Asks for a window review at the next release: {@code stripe}'s acquire that returned {@code count} passed
     * its checkpoint. The request is a flag in the stripe's own cell line, which the stripe's releases read
     * anyway, so that asking costs no cache line another thread reads. Should no release on this stripe serve it
     * (another thread releases what this one acquires) for a whole window past the checkpoint, the pool-wide flag
     * is raised too, which every release reads; steady traffic never writes it.
     */
    void requestReview(int stripe, int count) {
        int at = at(stripe);
        if ((long) CELLS.getOpaque(cells, at + REQUEST) == 0) {
            CELLS.setOpaque(cells, at + REQUEST, 1L);
        } else if (count - (int) cells[at + CHECKPOINT] >= windowLength
                && (long) CELLS.getOpaque(review, PAD) == 0) {
            CELLS.setRelease(review, PAD, 1L);
        }
    }

    /** Whether a review was asked for on {@code stripe}, or pool-wide, since the last {@link #clearReviews}. */
    boolean reviewRequested(int stripe) {
        return (long) CELLS.getOpaque(cells, at(stripe) + REQUEST) != 0 || (long) CELLS.getOpaque(review, PAD) != 0;
    }

    /**
     * Takes every request down (writing only the flags that are up); called by the reviewer, holding the pool's
     * window lock, before it counts, so that an acquire it does not count asks again.
     */
    void clearReviews() {
        if ((long) CELLS.getVolatile(review, PAD) != 0) {
            CELLS.setVolatile(review, PAD, 0L);
        }
        for (int stripe = 0; stripe < stripes; stripe++) {
            int at = at(stripe) + REQUEST;
            if ((long) CELLS.getVolatile(cells, at) != 0) {
                CELLS.setVolatile(cells, at, 0L);
            }
        }
    }

    /** The highest outstanding ever reached. */
    long highest() {
        return highest.get();
    }

    /**
     * The highest outstanding since the previous call; the next window starts at the current outstanding.
     * Collects every stripe's slack, lowering the mark by as much as it takes, under {@code slowLock} so that
     * no acquire raises the mark from the value it has half-way through.
     */
    long windowPeak() {
        slowLock.lock();
        try {
            long peak = reserved.get();
            for (int stripe = 0; stripe < stripes; stripe++) {
                int at = at(stripe);
                for (;;) {
                    long cell = (long) CELLS.getVolatile(cells, at);
                    if (cell >>> 32 == 0) {
                        break;
                    }
                    if (CELLS.compareAndSet(cells, at, cell, cell & COUNT_MASK)) {
                        reserved.addAndGet(-(cell >>> 32));
                        break;
                    }
                }
            }
            return peak;
        } finally {
            slowLock.unlock();
        }
    }

    /**
     * Whether {@code count}, just returned by {@link #reserve}, is at or past {@code stripe}'s window checkpoint
     * (compared modulo 2^32, so that a count that slipped past a checkpoint armed from a stale count still
     * asks for a review).
     */
    boolean pastCheckpoint(int stripe, int count) {
        return count - (int) cells[at(stripe) + CHECKPOINT] >= 0;
    }

    /** Acquires counted on all stripes since {@link #startWindow}; also notes how many stripes took part. */
    long windowCount() {
        long sum = 0;
        int active = 0;
        for (int stripe = 0; stripe < stripes; stripe++) {
            int at = at(stripe);
            long done = (((long) CELLS.getVolatile(cells, at)) - cells[at + BASE]) & COUNT_MASK;
            sum += done;
            active += done != 0 ? 1 : 0;
        }
        active = Math.max(1, active);
        if (activeStripes != active) { // written only when it changes: readers of this object are on every path
            activeStripes = active;
        }
        return sum;
    }

    /**
     * Starts a window of {@code length} acquires. Each stripe's first checkpoint comes after its share, the
     * window divided by the stripes that took part in the previous window (all of them for the first); a
     * stripe reaching its checkpoint asks for a review, which re-arms it with its share of what is left
     * ({@link #rearmPassed}) if the window is not complete. So a single thread asks for the review on exactly
     * the window's last acquire (one checkpoint per window once the first has shown it is alone) and the window
     * closes at its next release; several threads close it soon after it is complete.
     */
    void startWindow(long length) {
        if (windowLength != length) {
            windowLength = length;
        }
        for (int stripe = 0; stripe < stripes; stripe++) {
            int at = at(stripe);
            long count = ((long) CELLS.getVolatile(cells, at)) & COUNT_MASK;
            long checkpoint = (int) (count + share(length));
            if (cells[at + BASE] != count || cells[at + CHECKPOINT] != checkpoint) {
                // An idle stripe's base and checkpoint do not change: leave its line alone.
                cells[at + BASE] = count;
                cells[at + CHECKPOINT] = checkpoint;
            }
        }
    }

    /**
     * The window is not complete: every stripe at or past its checkpoint gets its next one after its share of
     * the {@code remaining} acquires. Called with the pool's window lock held.
     */
    void rearmPassed(long remaining) {
        for (int stripe = 0; stripe < stripes; stripe++) {
            int at = at(stripe);
            int count = (int) (long) CELLS.getVolatile(cells, at);
            if (pastCheckpoint(stripe, count)) {
                cells[at + CHECKPOINT] = (int) (count + share(remaining));
            }
        }
    }

    private long share(long remaining) {
        return Math.max(1, remaining / activeStripes);
    }
}
