package io.sigmalang.launcher.wiring;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.ProvisionException;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.InvalidPoolConfigurationException;
import io.sigmalang.launcher.config.InvalidConfigException;
import io.sigmalang.launcher.config.Settings;
import io.sigmalang.launcher.config.SigmalangConfig;
import java.util.Map;
import java.util.TreeSet;

/** Picks the configured strategy out of the bound ones, or fails listing the names that are bound. */
public final class PoolSelection {
    private final Map<String, Provider<BufferPool>> strategies;
    private final SigmalangConfig config;

    @Inject
    PoolSelection(Map<String, Provider<BufferPool>> strategies, SigmalangConfig config) {
        this.strategies = strategies;
        this.config = config;
    }

    /** The configured strategy's name, checked against the bound strategies. */
    public String strategy() {
        String name = config.pool().strategy();
        if (!strategies.containsKey(name)) {
            throw InvalidConfigException.badValue(Settings.POOL_STRATEGY.key(), name,
                    config.origin(Settings.POOL_STRATEGY.key()), strategies.isEmpty()
                            ? "a pool strategy, but none is installed"
                            : "one of " + String.join(", ", new TreeSet<>(strategies.keySet())));
        }
        return name;
    }

    /** A new pool of the configured strategy. */
    BufferPool create() {
        String name = strategy();
        try {
            return strategies.get(name).get();
        } catch (ProvisionException e) {
            // A strategy refuses a configuration with its own one-line message; Guice wraps it.
            if (e.getCause() instanceof InvalidPoolConfigurationException refused) {
                throw InvalidConfigException.of(refused);
            }
            // A pool constructor refuses settings it cannot use with IllegalArgumentException.
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw new InvalidConfigException(Settings.POOL_STRATEGY.key(), "invalid configuration for pool"
                        + " strategy " + name + ": " + refused.getMessage());
            }
            throw e;
        }
    }
}
