package io.sigmalang.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoMap;
import com.google.inject.multibindings.StringMapKey;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.launcher.config.PoolConfig;
import io.sigmalang.launcher.config.SigmalangConfig;
import io.sigmalang.pool.adaptive.AdaptiveBufferPool;
import io.sigmalang.pool.adaptive.AdaptiveSettings;

/**
 * The {@code adaptive} strategy (the default): {@link AdaptiveBufferPool}, heap buffers of
 * {@code pool.buffer-size} bytes created on demand, its capacity revised by the {@code pool.adaptive.*} keys.
 */
public final class AdaptivePoolModule extends AbstractModule {

    @ProvidesIntoMap
    @StringMapKey(AdaptiveBufferPool.NAME)
    BufferPool adaptivePool(SigmalangConfig config) {
        return new AdaptiveBufferPool(settings(config));
    }

    /** The configuration as the adaptive pool's own settings. */
    static AdaptiveSettings settings(SigmalangConfig config) {
        PoolConfig.AdaptiveConfig a = config.pool().adaptive();
        return new AdaptiveSettings(PoolConfigs.common(config.pool(), a.initialCapacity()), a.minCapacity(),
                a.maxCapacity(), a.windowAcquires(), a.growAbove(), a.shrinkBelow(), a.growFactor(), a.shrinkFactor(),
                a.idleTrimAfter());
    }
}
