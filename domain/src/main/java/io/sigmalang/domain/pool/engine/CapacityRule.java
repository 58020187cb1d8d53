package io.sigmalang.domain.pool.engine;

/**
 * Decides a resizable pool's next capacity at the end of each demand window: the policy of a strategy (the
 * adaptive pool's lives in its own module), which the engine consults and then carries out.
 *
 * <p><b>When it is called.</b> Never on an acquire. An acquire that passes its stripe's checkpoint only raises a
 * flag in its stripe's cell; the next release on that stripe takes the window lock with one compare-and-set (a
 * release that loses it goes on) and closes the window if enough acquires have passed. So the rule runs on a
 * releasing thread, one call at a time, with the window lock held; it must be quick and must not call back into
 * the pool. From one thread, a window closes at the first release after its last acquire. When other threads
 * release what a stripe acquires, the request is raised pool-wide once that stripe is a whole window past its
 * checkpoint, and the next release anywhere serves it.
 *
 * <p>The window comes as a reused {@link Window} view, so that consulting the rule allocates nothing.
 */
@FunctionalInterface
public interface CapacityRule {

    /** The capacity for the next window; returning {@link Window#capacity()} keeps it. */
    int nextCapacity(Window window);

    /** What a rule may look at when a window closes. Valid only during {@link #nextCapacity}. */
    interface Window {

        /** Acquires in the window (at least the window length). */
        long acquires();

        /** Those of them served by an overflow buffer. */
        long overflowAllocations();

        /** The capacity during the window. */
        int capacity();

        /**
         * The most leases out at once since the last window whose rule read this figure (or since the pool
         * began), including those out at that moment; reading it starts the count again from the leases out now.
         * It is the one figure that costs something to read (every stripe's slack is collected, which sends
         * each active stripe once through its slow path), so a rule reads it only when it decides on it.
         */
        long peakOutstanding();
    }
}
