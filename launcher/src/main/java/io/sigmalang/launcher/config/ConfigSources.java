package io.sigmalang.launcher.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The configuration sources of one run, lowest precedence first after the built-in defaults: a file, the
 * environment, system properties, command-line options. Passed in rather than read from globals, so tests
 * can give each run its own.
 *
 * @param file        the {@code --config} file, or {@code null}
 * @param environment environment variables ({@code SIGMALANG_POOL_STRATEGY}, ...); others are ignored
 * @param properties  system properties ({@code sigmalang.pool.strategy}, ...); others are ignored
 * @param options     command-line values in the order given: key, value and the option that gave it
 */
public record ConfigSources(Path file, Map<String, String> environment, Properties properties, List<Option> options) {

    /**
     * One command-line value.
     *
     * @param key    the configuration key (not yet checked)
     * @param value  the value as typed
     * @param option the option as the user typed it, such as {@code --pool} or {@code --set}
     */
    public record Option(String key, String value, String option) {
    }

    public ConfigSources {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Properties copy = new Properties();
        copy.putAll(Objects.requireNonNull(properties, "properties"));
        properties = copy;
        options = List.copyOf(options);
    }

    /** No source but the built-in defaults. */
    public static ConfigSources none() {
        return new ConfigSources(null, Map.of(), new Properties(), List.of());
    }
}
