package io.sigmalang.launcher.wiring;

import io.sigmalang.domain.pool.BoundPolicy;
import io.sigmalang.domain.pool.LeakDetection;
import io.sigmalang.domain.pool.LeakListener;
import io.sigmalang.domain.pool.PoolBound;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.launcher.config.InvalidConfigException;
import io.sigmalang.launcher.config.PoolConfig;
import io.sigmalang.launcher.config.Setting;
import io.sigmalang.launcher.config.Settings;
import io.sigmalang.launcher.config.SigmalangConfig;
import java.util.Locale;

/**
 * The configured knobs every strategy shares, as the pools' own {@link PoolSettings}. The configuration was
 * validated key by key when it was loaded; what is checked here depends on the strategy (a pool that
 * allocates its buffers up front must fit them in the bound), so that the error still names the keys.
 */
final class PoolConfigs {
    private PoolConfigs() {
    }

    /** Capacity {@code capacity}, the configured buffer size, bound and leak detection, the default stripes. */
    static PoolSettings common(PoolConfig pool, int capacity) {
        return PoolSettings.defaults()
                .withCapacity(capacity)
                .withBufferSize(pool.bufferSize())
                .withBound(bound(pool.bound()))
                .withLeakDetection(leakDetection(pool));
    }

    /**
     * The common settings for a pool that allocates {@code pool.capacity} buffers up front.
     *
     * @throws InvalidConfigException when those buffers alone exceed {@code pool.bound.max-bytes}
     */
    static PoolSettings preallocated(SigmalangConfig config, String strategy) {
        PoolConfig pool = config.pool();
        long bytes = (long) pool.capacity() * pool.bufferSize();
        if (bytes > pool.bound().maxBytes()) {
            String capacity = Settings.POOL_CAPACITY.key();
            String size = Settings.POOL_BUFFER_SIZE.key();
            String bound = Settings.POOL_BOUND_MAX_BYTES.key();
            throw new InvalidConfigException(bound, "invalid configuration: " + capacity + " × " + size + " = "
                    + pool.capacity() + " × " + pool.bufferSize() + " = " + bytes + " bytes (from "
                    + config.origin(capacity) + "; " + config.origin(size) + ") must not exceed " + bound + " = "
                    + Setting.BytesKind.format(pool.bound().maxBytes()) + " (from " + config.origin(bound)
                    + "): the " + strategy + " pool allocates all its buffers up front");
        }
        return common(pool, pool.capacity());
    }

    static PoolBound bound(PoolConfig.BoundConfig bound) {
        BoundPolicy policy = BoundPolicy.valueOf(bound.policy().toUpperCase(Locale.ROOT).replace('-', '_'));
        return new PoolBound(bound.maxBytes(), policy, bound.maxWait());
    }

    static LeakDetection leakDetection(PoolConfig pool) {
        LeakDetection.Level level = LeakDetection.Level.valueOf(pool.leakDetection().toUpperCase(Locale.ROOT));
        return new LeakDetection(level, pool.leakSampleInterval(), LeakListener.logging());
    }
}
