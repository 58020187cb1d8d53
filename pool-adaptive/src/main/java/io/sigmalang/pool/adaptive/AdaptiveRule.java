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
 */
final class AdaptiveRule implements CapacityRule {
    private final AdaptiveSettings settings;

    AdaptiveRule(AdaptiveSettings settings) {
        this.settings = settings;
    }

    @Override
    public int nextCapacity(long acquires, long overflowAllocations, long peakOutstanding, int capacity) {
        double rate = acquires == 0 ? 0.0 : (double) overflowAllocations / acquires;
        if (rate > settings.growAbove()) {
            int grown = (int) Math.min(Integer.MAX_VALUE, Math.floor(capacity * settings.growFactor()));
            return Math.min(settings.maxCapacity(), Math.max(capacity + 1, grown));
        }
        if (rate < settings.shrinkBelow() && capacity > settings.minCapacity()) {
            int shrunk = (int) Math.floor(capacity * settings.shrinkFactor());
            int target = Math.max(settings.minCapacity(), Math.min(capacity - 1, shrunk));
            long demand = Math.min(capacity, peakOutstanding);
            return (int) Math.max(target, demand);
        }
        return capacity;
    }
}
