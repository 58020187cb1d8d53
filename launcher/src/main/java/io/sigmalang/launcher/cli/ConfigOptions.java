package io.sigmalang.launcher.cli;

import io.sigmalang.launcher.config.ConfigSources;
import io.sigmalang.launcher.config.Settings;
import java.nio.file.Path;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration options of the commands that encode: a file, the pool strategy and any key. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (HOCON, JSON or .properties); see docs for the keys.")
    Path file;

    @Option(names = "--pool", paramLabel = "STRATEGY", completionCandidates = InstalledStrategies.class,
            description = "Buffer-pool strategy, one of those installed: ${COMPLETION-CANDIDATES} (default: "
                    + Settings.DEFAULT_STRATEGY + ").")
    String pool;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Set any configuration key, e.g. --set pool.capacity=32 (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    /** The names of the strategies on the class path, for the help text. */
    static final class InstalledStrategies implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return PoolCatalog.installed().names().iterator();
        }
    }

    /** The sources for this run: these options over the terminal's environment and properties. */
    ConfigSources sources(Terminal terminal) {
        List<ConfigSources.Option> options = new ArrayList<>();
        set.forEach((k, v) -> options.add(new ConfigSources.Option(k, v, "--set")));
        if (pool != null) {
            options.add(new ConfigSources.Option(Settings.POOL_STRATEGY.key(), pool, "--pool"));
        }
        return new ConfigSources(file, terminal.environment(), terminal.properties(), options);
    }
}
