package io.sigmalang.launcher.config;

import java.time.Duration;

/**
 * The buffer-pool part of the configuration, validated key by key and across keys. The values are the
 * configuration's; the strategy modules turn them into each pool's own settings.
 *
 * @param strategy           the strategy name (checked against the strategies bound in the injector)
 * @param capacity           buffers the fixed and off-heap pools allocate up front
 * @param bufferSize         bytes per buffer
 * @param leakDetection      {@code off}, {@code sampled}, {@code paranoid} or {@code strict}
 * @param leakSampleInterval for {@code sampled}: one lease in this many is tracked
 * @param bound              the optional limit on bytes and what happens at it
 * @param adaptive           the adaptive pool's own knobs
 * @param offHeapZeroing     {@code none} or {@code on-release}
 */
public record PoolConfig(
        String strategy, int capacity, int bufferSize, String leakDetection, int leakSampleInterval,
        BoundConfig bound, AdaptiveConfig adaptive, String offHeapZeroing) {

    /** The same configuration with another strategy. */
    public PoolConfig withStrategy(String strategy) {
        return new PoolConfig(strategy, capacity, bufferSize, leakDetection, leakSampleInterval, bound, adaptive,
                offHeapZeroing);
    }

    /**
     * The bound every pool shares.
     *
     * @param maxBytes the limit, {@link Setting.BytesKind#NONE} for none
     * @param policy   {@code allocate-unpooled}, {@code fail-fast} or {@code wait}
     * @param maxWait  how long {@code wait} waits; zero for the other policies
     */
    public record BoundConfig(long maxBytes, String policy, Duration maxWait) {
    }

    /**
     * The adaptive pool's knobs, named as in its {@code AdaptiveSettings}.
     *
     * @param initialCapacity the capacity before the first window, {@code minCapacity..maxCapacity}
     * @param minCapacity     the floor
     * @param maxCapacity     the cap
     * @param windowAcquires  acquires per window
     * @param growAbove       overflow rate above which the pool grows
     * @param shrinkBelow     overflow rate below which it shrinks, at most {@code growAbove}
     * @param growFactor      capacity multiplier when growing
     * @param shrinkFactor    capacity multiplier when shrinking
     * @param idleTrimAfter   time without acquires after which free buffers are let go
     */
    public record AdaptiveConfig(int initialCapacity, int minCapacity, int maxCapacity, int windowAcquires,
            double growAbove, double shrinkBelow, double growFactor, double shrinkFactor, Duration idleTrimAfter) {
    }
}
