package io.sigmalang.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.launcher.config.SigmalangConfig;
import io.sigmalang.pool.offheap.OffHeapBufferPool;
import io.sigmalang.pool.offheap.OffHeapSettings;

/**
 * The {@code offheap} strategy: {@link OffHeapBufferPool}, {@code pool.capacity} native buffers of
 * {@code pool.buffer-size} bytes allocated up front, zeroed on release when {@code pool.offheap.zeroing} is
 * {@code on-release}.
 */
public final class OffHeapPoolModule extends AbstractModule {

    @ProvidesIntoMap
    @StringMapKey(OffHeapBufferPool.NAME)
    BufferPool offHeapPool(SigmalangConfig config) {
        return new OffHeapBufferPool(settings(config));
    }

    /** The configuration as the off-heap pool's own settings. */
    static OffHeapSettings settings(SigmalangConfig config) {
        return new OffHeapSettings(PoolConfigs.preallocated(config, OffHeapBufferPool.NAME),
                config.pool().offHeapZeroing().equals("on-release"));
    }
}
