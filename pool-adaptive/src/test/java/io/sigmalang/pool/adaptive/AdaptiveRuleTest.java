package io.sigmalang.pool.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.domain.pool.engine.CapacityRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule alone, on windows written by hand; every expected capacity is worked out in the comments. */
class AdaptiveRuleTest {
    private final AdaptiveRule defaults = new AdaptiveRule(AdaptiveSettings.defaults());

    /** A window written by hand; counts how often the rule reads its peak. */
    static final class HandWindow implements CapacityRule.Window {
        final long acquires;
        final long overflows;
        final long peak;
        final int capacity;
        int peakReads;

        HandWindow(long acquires, long overflows, long peak, int capacity) {
            this.acquires = acquires;
            this.overflows = overflows;
            this.peak = peak;
            this.capacity = capacity;
        }

        @Override
        public long acquires() {
            return acquires;
        }

        @Override
        public long overflowAllocations() {
            return overflows;
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public long peakOutstanding() {
            peakReads++;
            return peak;
        }
    }

    /** A window of 100 acquires at {@code capacity} with {@code overflows} overflows and a peak of {@code peak}. */
    private static int next(AdaptiveRule rule, int capacity, int overflows, int peak) {
        return rule.nextCapacity(new HandWindow(100, overflows, peak, capacity));
    }

    @Test
    void aHighOverflowRateGrowsByHalfUpToTheCap() {
        // 16 × 1.5 = 24, 36, 54, 81, 121.5 → 121, 181.5 → capped at 128, and 128 stays.
        List<Integer> capacities = new ArrayList<>();
        int capacity = 16;
        for (int i = 0; i < 7; i++) {
            capacity = next(defaults, capacity, 50, 200);
            capacities.add(capacity);
        }
        assertEquals(List.of(24, 36, 54, 81, 121, 128, 128), capacities);
    }

    @Test
    void aLowOverflowRateShrinksByAQuarterDownToTheFloor() {
        // 128 × 0.75 = 96, 72, 54, 40.5 → 40, 30, 22.5 → 22, 16.5 → 16, and 16 stays (not above the floor).
        List<Integer> capacities = new ArrayList<>();
        int capacity = 128;
        for (int i = 0; i < 8; i++) {
            capacity = next(defaults, capacity, 0, 1);
            capacities.add(capacity);
        }
        assertEquals(List.of(96, 72, 54, 40, 30, 22, 16, 16), capacities);
    }

    @Test
    void theThresholdsAreStrictAndTheBandBetweenThemKeepsTheCapacity() {
        assertEquals(24, next(defaults, 16, 6, 20), "6 % > 5 %: grow");
        assertEquals(16, next(defaults, 16, 5, 20), "exactly 5 % is not above 5 %");
        assertEquals(40, next(defaults, 40, 3, 20), "3 % is in the band: keep");
        assertEquals(40, next(defaults, 40, 1, 20), "exactly 1 % is not below 1 %");
        assertEquals(30, defaults.nextCapacity(new HandWindow(1000, 9, 20, 40)), "0.9 % < 1 %: shrink");
    }

    @Test
    void aShrinkNeverGoesBelowTheWindowsPeakOfLeasesOut() {
        // 40 × 0.75 = 30, but 35 leases were out at once: 35.
        assertEquals(35, next(defaults, 40, 0, 35));
        // A peak at or above the capacity keeps it.
        assertEquals(40, next(defaults, 40, 0, 40));
        assertEquals(40, next(defaults, 40, 0, 90));
    }

    @Test
    void thePeakIsReadOnlyWhenTheRuleIsAboutToShrink() {
        // Reading the peak resets it in the engine, so the rule reads it only when it decides on it.
        HandWindow growing = new HandWindow(100, 50, 90, 16);
        HandWindow inTheBand = new HandWindow(100, 3, 90, 40);
        HandWindow atTheFloor = new HandWindow(100, 0, 90, 16);
        HandWindow shrinking = new HandWindow(100, 0, 20, 40);
        assertEquals(24, defaults.nextCapacity(growing));
        assertEquals(40, defaults.nextCapacity(inTheBand));
        assertEquals(16, defaults.nextCapacity(atTheFloor));
        assertEquals(30, defaults.nextCapacity(shrinking), "40 × 0.75 = 30, above the peak of 20");
        assertEquals(List.of(0, 0, 0, 1), List.of(growing.peakReads, inTheBand.peakReads, atTheFloor.peakReads,
                shrinking.peakReads));
    }

    @Test
    void tinyCapacitiesStillMoveByOne() {
        AdaptiveRule rule = new AdaptiveRule(AdaptiveSettings.defaults().withCapacityRange(1, 8));
        // 1 × 1.5 = 1.5 → 1, so at least +1: 2; 2 × 1.5 = 3; 3 × 1.5 = 4.5 → 4.
        assertEquals(2, next(rule, 1, 50, 9));
        assertEquals(3, next(rule, 2, 50, 9));
        assertEquals(4, next(rule, 3, 50, 9));
        // 2 × 0.75 = 1.5 → 1; 1 is the floor.
        assertEquals(1, next(rule, 2, 0, 0));
        assertEquals(1, next(rule, 1, 0, 0));
    }

    @Test
    void thresholdsAndFactorsAreConfigurable() {
        AdaptiveRule rule = new AdaptiveRule(AdaptiveSettings.defaults()
                .withCapacityRange(10, 1000).withThresholds(0.20, 0.10).withFactors(2.0, 0.5));
        assertEquals(100, next(rule, 100, 20, 100), "20 % is not above 20 %");
        assertEquals(200, next(rule, 100, 21, 100), "× 2");
        assertEquals(100, next(rule, 100, 10, 1), "10 % is not below 10 %");
        assertEquals(50, next(rule, 100, 9, 1), "× 0.5");
        assertEquals(10, next(rule, 15, 0, 1), "7.5 → 7, raised to the floor of 10");
    }
}
