package io.sigmalang.launcher.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.List;
import io.sigmalang.launcher.config.ConfigLoader;
import io.sigmalang.launcher.config.SigmalangConfig;
import io.sigmalang.launcher.wiring.SigmalangModules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up of the commands that encode: load and validate the configuration, log it once, build the injector. */
final class Launch {
    private static final Logger LOG = LoggerFactory.getLogger(Launch.class);

    private Launch() {
    }

    static Injector injector(ConfigOptions options, Terminal terminal, List<Module> strategies) {
        SigmalangConfig config = new ConfigLoader().load(options.sources(terminal));
        LOG.debug("configuration: {}", config.describe());
        return SigmalangModules.injector(config, strategies);
    }
}
