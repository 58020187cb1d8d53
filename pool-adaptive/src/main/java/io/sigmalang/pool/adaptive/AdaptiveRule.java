package io.sigmalang.pool.adaptive;

import io.sigmalang.domain.pool.engine.CapacityRule;

/**
 * The adaptive pool's capacity rule (see {@link AdaptiveSettings}), a pure function of the window.
 *
 * <p>Hysteresis has two parts. The dead band between {@code shrinkBelow} and {@code growAbove} leaves the
 * capacity alone when a little overflow is the price of not holding more. And a shrink never goes below the
 * window's peak of leases out at once: a steady load of N leases grows the pool until N fit, after which the
 * overflow rate is 0, but shrinking under N would bring the overflow back and the pool would grow again, for
 * ever. With the peak as a floor the capacity settles at N.
 *
 * <p>The peak is read only when it decides, that is when the rule is about to shrink: reading it collects every
 * stripe's slack (see {@link CapacityRule.Window#peakOutstanding()}), which a pool that grows, sits in the band
 * or at its floor has no reason to pay for every window. So the floor is the most leases out at once since the
 * last window that considered shrinking (or since the pool began), which covers the window itself and any
 * growing or steady windows before it: after a burst, the first quiet window does not shrink below the burst.
 */
final class AdaptiveRule implements CapacityRule {
    private final AdaptiveSettings settings;

    AdaptiveRule(AdaptiveSettings settings) {
        this.settings = settings;
    }

    @Override
    public int nextCapacity(Window window) {
        long acquires = window.acquires();
        int capacity = window.capacity();
        double rate = acquires == 0 ? 0.0 : (double) window.overflowAllocations() / acquires;
        if (rate > settings.growAbove()) {
            int grown = (int) Math.min(Integer.MAX_VALUE, Math.floor(capacity * settings.growFactor()));
            return Math.min(settings.maxCapacity(), Math.max(capacity + 1, grown));
        }
        if (rate < settings.shrinkBelow() && capacity > settings.minCapacity()) {
            int shrunk = (int) Math.floor(capacity * settings.shrinkFactor());
            int target = Math.max(settings.minCapacity(), Math.min(capacity - 1, shrunk));
            long demand = Math.min(capacity, window.peakOutstanding());
            return (int) Math.max(target, demand);
        }
        return capacity;
    }
}
