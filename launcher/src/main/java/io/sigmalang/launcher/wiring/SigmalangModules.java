package io.sigmalang.launcher.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import io.sigmalang.launcher.config.SigmalangConfig;
import java.util.ArrayList;
import java.util.List;

/** The modules of a sigmalang application: the core module for a configuration plus the strategy modules. */
public final class SigmalangModules {

    /** Every pool strategy on the class path ({@link PoolCatalog#installed()}), in one module. */
    public static List<Module> strategies() {
        return List.of(new InstalledPoolsModule(PoolCatalog.installed()));
    }

    private SigmalangModules() {
    }

    /** The core module for {@code config} and every strategy module. */
    public static List<Module> forConfig(SigmalangConfig config) {
        return forConfig(config, strategies());
    }

    /** The core module for {@code config} and the given strategy modules. */
    public static List<Module> forConfig(SigmalangConfig config, List<Module> strategies) {
        List<Module> modules = new ArrayList<>();
        modules.add(new SigmalangModule(config));
        modules.addAll(strategies);
        return modules;
    }

    /** An injector for {@code config} whose configured strategy has been checked against the bound ones. */
    public static Injector injector(SigmalangConfig config, List<Module> strategies) {
        Injector injector = Guice.createInjector(forConfig(config, strategies));
        injector.getInstance(PoolSelection.class).strategy();
        return injector;
    }
}
