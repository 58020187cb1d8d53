package io.sigmalang.pool.fixed;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.CommonKnobs;
import io.sigmalang.domain.pool.spi.PoolConfiguration;
import io.sigmalang.domain.pool.spi.PoolStrategyProvider;

/** The {@code fixed} strategy for {@link java.util.ServiceLoader}: a {@link FixedBufferPool}, no knobs of its own. */
public final class FixedPoolProvider implements PoolStrategyProvider {

    @Override
    public String name() {
        return FixedBufferPool.NAME;
    }

    @Override
    public String description() {
        return "heap buffers, pool.capacity of them allocated up front, capacity fixed";
    }

    /** Its buffers are all allocated up front: they must fit the bound. */
    @Override
    public void checkWhenChosen(PoolConfiguration configuration) {
        CommonKnobs.preallocated(configuration);
    }

    @Override
    public BufferPool create(PoolConfiguration configuration) {
        return new FixedBufferPool(CommonKnobs.preallocated(configuration));
    }
}
