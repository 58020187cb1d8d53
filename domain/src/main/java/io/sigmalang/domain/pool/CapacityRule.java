package io.sigmalang.domain.pool;

/**
 * Decides a resizable pool's next capacity at the end of each demand window. Called by {@link BufferSlots}
 * with its window lock held, on the thread whose acquire closed the window; must be quick and must not call
 * back into the pool.
 */
@FunctionalInterface
public interface CapacityRule {

    /** The capacity for the next window; returning {@code window.capacity()} keeps it. */
    int nextCapacity(DemandWindow window);
}
