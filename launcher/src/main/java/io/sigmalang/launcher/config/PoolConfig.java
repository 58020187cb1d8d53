package io.sigmalang.launcher.config;

/**
 * The buffer-pool part of the configuration, validated.
 *
 * @param strategy       the strategy name (checked against the strategies bound in the injector)
 * @param capacity       buffers kept (the adaptive pool's starting capacity)
 * @param bufferSize     bytes per buffer
 * @param leakDetection  {@code off}, {@code sampled} or {@code strict}
 * @param adaptive       the adaptive pool's knobs
 * @param offHeapZeroing {@code none} or {@code on-release}
 */
public record PoolConfig(
        String strategy, int capacity, int bufferSize, String leakDetection, AdaptiveConfig adaptive,
        String offHeapZeroing) {

    /**
     * The adaptive pool's knobs.
     *
     * @param growThreshold   overflow rate over a window above which the pool grows
     * @param shrinkThreshold share of the capacity in use below which it shrinks
     * @param window          acquires per evaluation window
     * @param floor           smallest capacity
     * @param cap             largest capacity
     */
    public record AdaptiveConfig(double growThreshold, double shrinkThreshold, int window, int floor, int cap) {
    }
}
