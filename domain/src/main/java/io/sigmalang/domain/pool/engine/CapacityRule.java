package io.sigmalang.domain.pool.engine;

/**
 * Decides a resizable pool's next capacity at the end of each demand window. Called by {@link BufferSlots}
 * with its window lock held, on the thread whose acquire closed the window; must be quick and must not call
 * back into the pool. The window comes as plain numbers so that consulting the rule allocates nothing.
 */
@FunctionalInterface
public interface CapacityRule {

    /**
     * The capacity for the next window; returning {@code capacity} keeps it.
     *
     * @param acquires            acquires in the window (at least the window length)
     * @param overflowAllocations those of them served by an overflow buffer
     * @param peakOutstanding     the most leases out at once during the window (including those out when it
     *                            began)
     * @param capacity            the capacity during the window
     */
    int nextCapacity(long acquires, long overflowAllocations, long peakOutstanding, int capacity);
}
