package io.sigmalang.pool.adaptive;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.EncoderOnPoolContract;
import io.sigmalang.domain.pool.PoolSettings;

/**
 * SigmaEncoder on an adaptive pool writes the same streams as on the reference pool, while the pool resizes
 * under it: windows of 10 acquires, a floor of 1, so small buffers and long chains move the capacity often.
 */
class EncoderOnAdaptivePoolTest extends EncoderOnPoolContract {

    @Override
    protected BufferPool newPool(PoolSettings settings) {
        return new AdaptiveBufferPool(AdaptiveSettings.defaults()
                .withCapacityRange(1, 64)
                .withWindowAcquires(10)
                .withPool(settings));
    }
}
