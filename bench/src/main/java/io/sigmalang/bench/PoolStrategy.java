package io.sigmalang.bench;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.CommonKnobs;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import io.sigmalang.domain.pool.spi.PoolStrategyProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A buffer-pool strategy of the project, as found on the class path ({@link PoolCatalog#installed()}, the same
 * list the CLI offers), each built by name from its settings, as any composition root builds it.
 *
 * @param provider the strategy
 */
public record PoolStrategy(PoolStrategyProvider provider) {
    private static final PoolCatalog CATALOG = PoolCatalog.installed();

    /** Every strategy installed, in name order. */
    public static List<PoolStrategy> installed() {
        return CATALOG.providers().stream().map(PoolStrategy::new).toList();
    }

    /**
     * A new pool of this strategy holding up to {@code capacity} buffers of {@code bufferSize} bytes
     * ({@link PoolStrategyProvider#sizedFor}), every other knob at its default.
     */
    public BufferPool create(int capacity, int bufferSize) {
        Map<String, String> settings = new HashMap<>(provider.sizedFor(capacity));
        settings.put(CommonKnobs.BUFFER_SIZE.key(), Integer.toString(bufferSize));
        return CATALOG.create(provider.name(), settings);
    }

    /** The strategy's name, used in benchmark parameters and reports ({@code fixed}, {@code adaptive}, ...). */
    public String label() {
        return provider.name();
    }

    /** The strategy called {@code label}. */
    public static PoolStrategy byLabel(String label) {
        return CATALOG.provider(label).map(PoolStrategy::new).orElseThrow(() -> new IllegalArgumentException(
                "unknown pool strategy '" + label + "' (expected one of " + String.join(", ", CATALOG.names()) + ")"));
    }
}
