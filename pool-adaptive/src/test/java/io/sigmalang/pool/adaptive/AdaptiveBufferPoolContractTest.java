package io.sigmalang.pool.adaptive;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.BufferPoolContract;
import io.sigmalang.domain.pool.PoolSettings;

/**
 * The whole pool contract. The floor and cap are widened around the capacity a test asks for, and the windows
 * keep their default length, so the concurrent tests run while the pool resizes.
 */
class AdaptiveBufferPoolContractTest extends BufferPoolContract {

    @Override
    protected BufferPool newPool(PoolSettings settings) {
        int capacity = settings.capacity();
        return new AdaptiveBufferPool(AdaptiveSettings.defaults()
                .withCapacityRange(Math.min(AdaptiveSettings.DEFAULT_MIN_CAPACITY, capacity),
                        Math.max(AdaptiveSettings.DEFAULT_MAX_CAPACITY, capacity))
                .withPool(settings));
    }

    @Override
    protected String strategyPackage() {
        return "io.sigmalang.pool.adaptive";
    }
}
