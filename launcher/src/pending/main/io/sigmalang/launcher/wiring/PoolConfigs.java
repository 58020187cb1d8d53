package io.sigmalang.launcher.wiring;

import io.sigmalang.domain.pool.LeakDetection;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.launcher.config.PoolConfig;

/** The configured knobs every strategy shares, as the pools' own {@link PoolSettings}. */
final class PoolConfigs {
    private PoolConfigs() {
    }

    static PoolSettings common(PoolConfig pool) {
        return PoolSettings.defaults()
                .withCapacity(pool.capacity())
                .withBufferSize(pool.bufferSize())
                .withLeakDetection(leakDetection(pool.leakDetection()));
    }

    static LeakDetection leakDetection(String level) {
        return switch (level) {
            case "off" -> LeakDetection.off();
            case "sampled" -> LeakDetection.sampled();
            case "paranoid" -> LeakDetection.paranoid();
            case "strict" -> LeakDetection.strict();
            default -> throw new IllegalArgumentException("leak detection " + level
                    + " is not one of off, sampled, paranoid, strict");
        };
    }
}
