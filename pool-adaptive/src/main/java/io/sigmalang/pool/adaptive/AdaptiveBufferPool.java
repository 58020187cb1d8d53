package io.sigmalang.pool.adaptive;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.engine.BufferMemory;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.engine.BufferSlots;
import io.sigmalang.domain.pool.engine.CapacityRule;
import io.sigmalang.domain.pool.PoolChecks;
import io.sigmalang.domain.pool.PoolStats;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A pool of heap buffers whose capacity follows demand, by itself: callers only acquire and release.
 *
 * <p>It starts at 16 buffers and creates them on demand, so its retained bytes follow real use. After every
 * window of 100 acquires it applies {@link AdaptiveSettings}' rule ({@link AdaptiveRule}) to the window's
 * overflow rate: above 5 % it grows by half (up to 128), below 1 % it shrinks by a quarter (down to 16, and never
 * under the peak of leases out at once, so a steady load does not make the capacity swing). A shrink lets free
 * buffers go at once and leased ones as they come back, so retained bytes fall.
 *
 * <p><b>Off the acquire path.</b> The rule runs on a releasing thread: a window's last acquire only asks, and
 * the next release on that thread's stripe closes the window, taking the engine's window lock with one
 * compare-and-set (see {@link CapacityRule}). An
 * acquire never sums the stripes, consults the rule, reads the clock or takes a lock for the policy.
 *
 * <p><b>Idle trim.</b> The window rule counts acquires, so a pool nobody uses would never shrink. The pool is
 * idle when no acquire happened between two observations at least {@code idleTrimAfter} apart; then its free
 * buffers are let go and it retains only what outstanding leases hold (the capacity it learned stays, and
 * buffers are created again on demand). Observations are {@link #stats()}, {@link #trim()} and the end of each
 * window. There is no background thread: a pool that nobody acquires from, reads stats of or trims has no one
 * to give memory back to either, and a metrics scrape (which reads {@link #stats()}) is the natural clock. Call
 * {@link #trim()} from a scheduler if nothing scrapes. An acquire or release cannot observe idleness, which only
 * begins after them; reading the clock on every acquire would double its cost for nothing.
 *
 * <p>The clock is injectable ({@code LongSupplier} of nanoseconds) so that tests are deterministic.
 */
public final class AdaptiveBufferPool implements BufferPool {
    /** The pool's name in messages and stats. */
    public static final String NAME = "adaptive";

    private final AdaptiveSettings settings;
    private final BufferSlots slots;
    private final AdaptiveRule rule;
    private final LongSupplier nanoClock;
    private final long idleNanos;
    private final ReentrantLock idleLock = new ReentrantLock();
    private long observedAcquires;
    private long lastActivity;

    /** The defaults: 16 to 128 buffers of 4,096 bytes, windows of 100 acquires, idle trim after 30 s. */
    public AdaptiveBufferPool() {
        this(AdaptiveSettings.defaults());
    }

    public AdaptiveBufferPool(AdaptiveSettings settings) {
        this(settings, System::nanoTime);
    }

    /**
     * @param nanoClock the time in nanoseconds, as {@link System#nanoTime()}; tests pass their own
     */
    public AdaptiveBufferPool(AdaptiveSettings settings, LongSupplier nanoClock) {
        this.settings = PoolChecks.notNull("settings", settings);
        this.nanoClock = PoolChecks.notNull("nanoClock", nanoClock);
        this.idleNanos = settings.idleTrimAfter().toNanos();
        this.rule = new AdaptiveRule(settings);
        this.lastActivity = nanoClock.getAsLong();
        this.slots = new BufferSlots(NAME, settings.pool(), BufferMemory.heap(),
                BufferSlots.Shape.resizable(settings.maxCapacity(), settings.windowAcquires(), rule));
    }


    @Override
    public BufferLease acquire() {
        return slots.acquire();
    }

    @Override
    public int bufferSize() {
        return slots.bufferSize();
    }

    /** The counters, after checking whether the pool has been idle long enough to trim. */
    @Override
    public PoolStats stats() {
        observe();
        return slots.stats();
    }

    /**
     * Lets the free buffers go if no acquire happened since an observation at least {@code idleTrimAfter} ago.
     *
     * @return the bytes let go (0 when the pool was not idle or had no free buffer)
     */
    public long trim() {
        return (long) observe() * slots.bufferSize();
    }

    /** The current capacity. */
    public int capacity() {
        return slots.capacity();
    }

    public AdaptiveSettings settings() {
        return settings;
    }

    private int observe() {
        if (slots.isClosed()) {
            return 0;
        }
        idleLock.lock();
        try {
            long now = nanoClock.getAsLong();
            long acquires = slots.stats().acquires();
            if (acquires != observedAcquires) {
                observedAcquires = acquires;
                lastActivity = now;
                return 0;
            }
            if (now - lastActivity < idleNanos) {
                return 0;
            }
            return slots.dropFree();
        } finally {
            idleLock.unlock();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void close() {
        slots.close();
    }

    @Override
    public String toString() {
        return "AdaptiveBufferPool[" + slots.capacity() + " (" + settings.minCapacity() + ".."
                + settings.maxCapacity() + ") × " + slots.bufferSize() + " bytes]";
    }
}
