package io.sigmalang.pool.adaptive;

import io.sigmalang.domain.pool.PoolChecks;
import io.sigmalang.domain.pool.PoolSettings;
import java.time.Duration;

/**
 * The knobs of an {@link AdaptiveBufferPool}. The rule, applied at the end of every window of
 * {@code windowAcquires} acquires:
 *
 * <ul>
 *   <li>overflow rate above {@code growAbove}: capacity × {@code growFactor} (at least +1), at most
 *       {@code maxCapacity};
 *   <li>overflow rate below {@code shrinkBelow}, capacity above {@code minCapacity}: capacity ×
 *       {@code shrinkFactor} (at least −1), at least {@code minCapacity}, and, for hysteresis, never below the
 *       most leases that were out at once during the window;
 *   <li>otherwise unchanged.
 * </ul>
 *
 * <p>Capacities are rounded down: 16 grows to 24, 36, 54, 81, 121, 128; 128 shrinks to 96, 72, 54, 40, 30,
 * 22, 16.
 *
 * @param pool           the common settings; {@code pool.capacity()} is the initial capacity
 * @param minCapacity    the floor, 1 to 65,536 (default 16)
 * @param maxCapacity    the cap, {@code minCapacity} to 65,536 (default 128)
 * @param windowAcquires acquires per decision, 1 to 1,000,000,000 (default 100)
 * @param growAbove      overflow rate above which the pool grows, 0 to 1 (default 0.05)
 * @param shrinkBelow    overflow rate below which it shrinks, 0 to {@code growAbove} (default 0.01)
 * @param growFactor     above 1, at most 16 (default 1.5)
 * @param shrinkFactor   above 0, below 1 (default 0.75)
 * @param idleTrimAfter  how long without acquires before the free buffers are let go, 1 ms to 1 day
 *                       (default 30 s)
 */
public record AdaptiveSettings(
        PoolSettings pool,
        int minCapacity,
        int maxCapacity,
        int windowAcquires,
        double growAbove,
        double shrinkBelow,
        double growFactor,
        double shrinkFactor,
        Duration idleTrimAfter) {

    public static final int DEFAULT_MIN_CAPACITY = 16;
    public static final int DEFAULT_MAX_CAPACITY = 128;
    /** Long enough for a rate in whole percents to mean something, short enough to follow a burst. */
    public static final int DEFAULT_WINDOW_ACQUIRES = 100;
    public static final double DEFAULT_GROW_ABOVE = 0.05;
    public static final double DEFAULT_SHRINK_BELOW = 0.01;
    public static final double DEFAULT_GROW_FACTOR = 1.5;
    public static final double DEFAULT_SHRINK_FACTOR = 0.75;
    public static final Duration DEFAULT_IDLE_TRIM_AFTER = Duration.ofSeconds(30);
    public static final int MAX_WINDOW_ACQUIRES = 1_000_000_000;
    public static final double MAX_GROW_FACTOR = 16.0;
    public static final Duration SHORTEST_IDLE_TRIM = Duration.ofMillis(1);
    public static final Duration LONGEST_IDLE_TRIM = Duration.ofDays(1);

    public AdaptiveSettings {
        PoolChecks.notNull("pool", pool);
        PoolChecks.between("minCapacity", minCapacity, 1, PoolSettings.MAX_CAPACITY);
        PoolChecks.between("maxCapacity", maxCapacity, minCapacity, PoolSettings.MAX_CAPACITY);
        PoolChecks.between("capacity", pool.capacity(), minCapacity, maxCapacity);
        PoolChecks.between("windowAcquires", windowAcquires, 1, MAX_WINDOW_ACQUIRES);
        PoolChecks.between("growAbove", growAbove, 0.0, 1.0);
        PoolChecks.between("shrinkBelow", shrinkBelow, 0.0, growAbove);
        if (!(growFactor > 1.0 && growFactor <= MAX_GROW_FACTOR)) {
            throw new IllegalArgumentException("growFactor must be above 1 and at most 16, was " + growFactor);
        }
        if (!(shrinkFactor > 0.0 && shrinkFactor < 1.0)) {
            throw new IllegalArgumentException("shrinkFactor must be above 0 and below 1, was " + shrinkFactor);
        }
        PoolChecks.between("idleTrimAfter", idleTrimAfter, SHORTEST_IDLE_TRIM, LONGEST_IDLE_TRIM);
    }

    /** Starts at 16 buffers of 4,096 bytes; 16 to 128; windows of 100; grow above 5 %, shrink below 1 %. */
    public static AdaptiveSettings defaults() {
        return new AdaptiveSettings(PoolSettings.defaults().withCapacity(DEFAULT_MIN_CAPACITY),
                DEFAULT_MIN_CAPACITY, DEFAULT_MAX_CAPACITY, DEFAULT_WINDOW_ACQUIRES, DEFAULT_GROW_ABOVE,
                DEFAULT_SHRINK_BELOW, DEFAULT_GROW_FACTOR, DEFAULT_SHRINK_FACTOR, DEFAULT_IDLE_TRIM_AFTER);
    }

    public AdaptiveSettings withPool(PoolSettings pool) {
        return new AdaptiveSettings(pool, minCapacity, maxCapacity, windowAcquires, growAbove, shrinkBelow,
                growFactor, shrinkFactor, idleTrimAfter);
    }

    /** The floor and cap; the initial capacity is moved inside them if it was outside. */
    public AdaptiveSettings withCapacityRange(int minCapacity, int maxCapacity) {
        int initial = Math.max(minCapacity, Math.min(maxCapacity, pool.capacity()));
        return new AdaptiveSettings(pool.withCapacity(initial), minCapacity, maxCapacity, windowAcquires,
                growAbove, shrinkBelow, growFactor, shrinkFactor, idleTrimAfter);
    }

    public AdaptiveSettings withWindowAcquires(int windowAcquires) {
        return new AdaptiveSettings(pool, minCapacity, maxCapacity, windowAcquires, growAbove, shrinkBelow,
                growFactor, shrinkFactor, idleTrimAfter);
    }

    public AdaptiveSettings withThresholds(double growAbove, double shrinkBelow) {
        return new AdaptiveSettings(pool, minCapacity, maxCapacity, windowAcquires, growAbove, shrinkBelow,
                growFactor, shrinkFactor, idleTrimAfter);
    }

    public AdaptiveSettings withFactors(double growFactor, double shrinkFactor) {
        return new AdaptiveSettings(pool, minCapacity, maxCapacity, windowAcquires, growAbove, shrinkBelow,
                growFactor, shrinkFactor, idleTrimAfter);
    }

    public AdaptiveSettings withIdleTrimAfter(Duration idleTrimAfter) {
        return new AdaptiveSettings(pool, minCapacity, maxCapacity, windowAcquires, growAbove, shrinkBelow,
                growFactor, shrinkFactor, idleTrimAfter);
    }
}
