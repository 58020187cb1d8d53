package io.sigmalang.launcher.testing;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.launcher.wiring.PoolStrategies;
import io.sigmalang.launcher.wiring.SigmalangModules;
import java.util.ArrayList;
import java.util.List;

/**
 * Strategy modules for tests: {@code heap} (the domain's honest test pool), {@code broken} (its provider
 * fails as a bug would) and {@code picky} (its provider refuses the configuration, as a pool constructor
 * does with IllegalArgumentException). Bound the same way a real strategy is.
 */
public final class TestStrategies extends AbstractModule {

    @Override
    protected void configure() {
        PoolStrategies.of(binder()).addBinding("heap").toProvider(() -> new HeapTestPool(4096));
        PoolStrategies.of(binder()).addBinding("broken").toProvider(() -> {
            throw new IllegalStateException("simulated bug");
        });
        PoolStrategies.of(binder()).addBinding("picky").toProvider(() -> {
            throw new IllegalArgumentException("capacity 32 is not a power of 3");
        });
    }

    /** The launcher's own strategies plus these. */
    public static List<Module> withShipped() {
        List<Module> modules = new ArrayList<>(SigmalangModules.strategies());
        modules.add(new TestStrategies());
        return modules;
    }
}
