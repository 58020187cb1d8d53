package io.sigmalang.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import io.sigmalang.domain.pool.spi.PoolStrategyProvider;
import io.sigmalang.launcher.config.SigmalangConfig;
import java.util.Objects;

/**
 * Every pool strategy of a {@link PoolCatalog} (by default those {@link java.util.ServiceLoader} finds on the
 * class path), each as one entry of the strategy map, keyed by its name. The launcher names no strategy: a pool
 * module on the class path is a strategy of the CLI, configured by its own keys.
 */
public final class InstalledPoolsModule extends AbstractModule {
    private final PoolCatalog catalog;

    public InstalledPoolsModule(PoolCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    protected void configure() {
        for (PoolStrategyProvider provider : catalog.providers()) {
            PoolStrategies.of(binder()).addBinding(provider.name()).toProvider(new CatalogPool(catalog, provider.name()));
        }
    }

    /** A new pool of one strategy from the injector's configuration; refusals are the catalog's messages. */
    private static final class CatalogPool implements Provider<BufferPool> {
        private final PoolCatalog catalog;
        private final String name;
        @Inject
        private SigmalangConfig config;

        CatalogPool(PoolCatalog catalog, String name) {
            this.catalog = catalog;
            this.name = name;
        }

        @Override
        public BufferPool get() {
            return catalog.create(config.pool().withStrategy(name));
        }
    }
}
