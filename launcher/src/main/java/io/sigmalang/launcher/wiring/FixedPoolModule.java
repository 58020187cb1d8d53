package io.sigmalang.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.launcher.config.SigmalangConfig;
import io.sigmalang.pool.fixed.FixedBufferPool;

/**
 * The {@code fixed} strategy: {@link FixedBufferPool}, {@code pool.capacity} heap buffers of
 * {@code pool.buffer-size} bytes allocated up front, with the configured bound and leak detection.
 */
public final class FixedPoolModule extends AbstractModule {

    @ProvidesIntoMap
    @StringMapKey(FixedBufferPool.NAME)
    BufferPool fixedPool(SigmalangConfig config) {
        return new FixedBufferPool(PoolConfigs.preallocated(config, FixedBufferPool.NAME));
    }
}
