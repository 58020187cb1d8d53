package io.sigmalang.pool.offheap;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.EncoderOnPoolContract;
import io.sigmalang.domain.pool.PoolSettings;

/** SigmaEncoder staging its bytes in native memory writes the same streams as on the reference pool. */
class EncoderOnOffHeapPoolTest extends EncoderOnPoolContract {

    @Override
    protected BufferPool newPool(PoolSettings settings) {
        return new OffHeapBufferPool(settings);
    }
}
