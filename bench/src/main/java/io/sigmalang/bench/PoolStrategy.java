package io.sigmalang.bench;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.pool.adaptive.AdaptiveBufferPool;
import io.sigmalang.pool.adaptive.AdaptiveSettings;
import io.sigmalang.pool.fixed.FixedBufferPool;
import io.sigmalang.pool.offheap.OffHeapBufferPool;

/** The project's buffer-pool strategies, each built the way an application would build it. */
public enum PoolStrategy {
    /** {@link FixedBufferPool}: {@code capacity} heap buffers allocated up front. */
    FIXED("fixed") {
        @Override
        public BufferPool create(int capacity, int bufferSize) {
            return new FixedBufferPool(capacity, bufferSize);
        }
    },
    /**
     * {@link AdaptiveBufferPool} with {@code capacity} as its cap: it starts at, and may shrink back to, an eighth
     * of it (the default settings' 16..128 ratio) and grows with demand; every other knob is the default.
     */
    ADAPTIVE("adaptive") {
        @Override
        public BufferPool create(int capacity, int bufferSize) {
            int floor = Math.max(1, capacity / 8);
            PoolSettings pool = PoolSettings.defaults().withBufferSize(bufferSize).withCapacity(floor);
            return new AdaptiveBufferPool(AdaptiveSettings.defaults().withCapacityRange(floor, capacity).withPool(pool));
        }
    },
    /** {@link OffHeapBufferPool}: {@code capacity} buffers of native memory (FFM API), allocated up front. */
    OFF_HEAP("offheap") {
        @Override
        public BufferPool create(int capacity, int bufferSize) {
            return new OffHeapBufferPool(PoolSettings.defaults().withCapacity(capacity).withBufferSize(bufferSize));
        }
    };

    private final String label;

    PoolStrategy(String label) {
        this.label = label;
    }

    /** A new pool of this strategy holding up to {@code capacity} buffers of {@code bufferSize} bytes. */
    public abstract BufferPool create(int capacity, int bufferSize);

    /** The short name used in benchmark parameters and reports ({@code fixed}, {@code adaptive}, {@code offheap}). */
    public String label() {
        return label;
    }

    /** The strategy called {@code label}. */
    public static PoolStrategy byLabel(String label) {
        for (PoolStrategy strategy : values()) {
            if (strategy.label.equals(label)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown pool strategy '" + label + "' (expected fixed, adaptive or offheap)");
    }
}
