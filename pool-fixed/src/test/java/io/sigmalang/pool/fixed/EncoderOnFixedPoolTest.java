package io.sigmalang.pool.fixed;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.EncoderOnPoolContract;
import io.sigmalang.domain.pool.PoolSettings;

/** SigmaEncoder on a fixed pool writes the same streams as on the reference pool. */
class EncoderOnFixedPoolTest extends EncoderOnPoolContract {

    @Override
    protected BufferPool newPool(PoolSettings settings) {
        return new FixedBufferPool(settings);
    }
}
