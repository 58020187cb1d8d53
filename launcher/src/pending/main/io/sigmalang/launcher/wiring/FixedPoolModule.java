package io.sigmalang.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.launcher.config.SigmalangConfig;
import io.sigmalang.pool.fixed.FixedBufferPool;

/** The {@code fixed} strategy: {@link FixedBufferPool}, preallocated to the configured capacity. */
public final class FixedPoolModule extends AbstractModule {

    @ProvidesIntoMap
    @StringMapKey(FixedBufferPool.NAME)
    BufferPool fixedPool(SigmalangConfig config) {
        return new FixedBufferPool(PoolConfigs.common(config.pool()));
    }
}
