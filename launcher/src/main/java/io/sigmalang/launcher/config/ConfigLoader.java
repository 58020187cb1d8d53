package io.sigmalang.launcher.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import io.sigmalang.domain.pool.spi.InvalidPoolConfigurationException;
import io.sigmalang.domain.pool.spi.PoolConfiguration;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the one {@link SigmalangConfig} of a run from its sources with Typesafe Config, which parses the file
 * (HOCON, JSON or properties), merges the layers and remembers for every value the file and line, or the
 * source, it came from. Precedence, lowest first: built-in defaults, the {@code --config} file, environment
 * variables, system properties, command-line options.
 *
 * <p>Strict: an unknown key in the file or on the command line, a value of the wrong kind (a list, an object, a
 * multi-line text where one value is expected), a number out of range, an inconsistent pair, or a pool whose
 * footprint exceeds the bound of the strategies' catalog fails with {@link InvalidConfigException}, one line
 * naming key, value (escaped), origin and what is allowed. The pool keys and their rules are the strategies'
 * own ({@link Settings}); the loader only gathers the values and their origins. Unknown {@code SIGMALANG_*} variables and {@code sigmalang.*} properties are ignored,
 * since other tools may share the prefix.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "built-in defaults";

    private final Settings settings;

    /** A loader for the keys of the strategies installed on the class path. */
    public ConfigLoader() {
        this(Settings.installed());
    }

    public ConfigLoader(Settings settings) {
        this.settings = settings;
    }

    /** Loads, merges and validates; never returns a partially valid configuration. */
    public SigmalangConfig load(ConfigSources sources) {
        Config merged = defaults();
        if (sources.file() != null) {
            merged = layer(file(sources), merged);
        }
        for (Setting s : settings.all()) {
            String env = sources.environment().get(s.environmentVariable());
            if (env != null) {
                merged = layer(single(s.key(), env, "environment variable " + s.environmentVariable()), merged);
            }
        }
        for (Setting s : settings.all()) {
            String property = sources.properties().getProperty(s.systemProperty());
            if (property != null) {
                merged = layer(single(s.key(), property, "system property " + s.systemProperty()), merged);
            }
        }
        for (ConfigSources.Option option : sources.options()) {
            if (settings.byKey(option.key()) == null) {
                throw new InvalidConfigException(option.key(), "invalid configuration: unknown key "
                        + InvalidConfigException.renderKey(option.key()) + " (from command-line option "
                        + option.option() + "): known keys are " + settings.knownKeys());
            }
            merged = layer(single(option.key(), option.value(), "command-line option " + option.option()), merged);
        }
        return validate(merged);
    }

    private static Config layer(Config higher, Config lower) {
        return higher.withFallback(lower);
    }

    private Config defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : settings.all()) {
            values.put(s.key(), s.spelledDefault());
        }
        return ConfigFactory.parseMap(values, DEFAULTS);
    }

    private static Config single(String key, String value, String origin) {
        Map<String, Object> one = new HashMap<>();
        one.put(key, value);
        return ConfigFactory.parseMap(one, origin);
    }

    private Config file(ConfigSources sources) {
        String name = sources.file().toString();
        if (!Files.isRegularFile(sources.file())) {
            throw new InvalidConfigException("--config", "invalid configuration: --config " + name
                    + ": no such file (expected a readable HOCON, JSON or .properties file)");
        }
        Config parsed;
        try {
            parsed = ConfigFactory.parseFile(sources.file().toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                    .resolve();
        } catch (ConfigException e) {
            throw new InvalidConfigException("--config", "invalid configuration: --config " + name + ": "
                    + e.getMessage().lines().findFirst().orElse("cannot be read"));
        }
        for (Map.Entry<String, ConfigValue> entry : parsed.entrySet()) {
            if (settings.byKey(entry.getKey()) == null) {
                throw new InvalidConfigException(entry.getKey(), "invalid configuration: unknown key "
                        + InvalidConfigException.renderKey(entry.getKey()) + " (from "
                        + describe(entry.getValue().origin()) + "): known keys are " + settings.knownKeys());
            }
        }
        return parsed;
    }

    private static String describe(ConfigOrigin origin) {
        if (origin.filename() != null) {
            return "file " + origin.filename() + (origin.lineNumber() > 0 ? " line " + origin.lineNumber() : "");
        }
        return origin.description();
    }

    private SigmalangConfig validate(Config merged) {
        Map<String, Object> raw = new HashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Setting s : settings.all()) {
            ConfigValue value;
            try {
                value = merged.getValue(s.key());
            } catch (ConfigException e) {
                throw new InvalidConfigException(s.key(), "invalid configuration: " + s.key() + " has no usable value ("
                        + e.getMessage().lines().findFirst().orElse("") + "): expected " + s.kind().allowed());
            }
            // A list stays a list and an object a map, so that the message says what was given.
            raw.put(s.key(), value.unwrapped());
            origins.put(s.key(), describe(value.origin()));
        }
        String strategy = (String) convert(Settings.POOL_STRATEGY, raw, origins);
        Map<String, Object> poolValues = new HashMap<>();
        settings.catalog().knobs().forEach(knob -> poolValues.put(knob.key(), raw.get(knob.key())));
        PoolConfiguration pool;
        try {
            pool = settings.catalog().configure(strategy, poolValues, origins);
            if (settings.catalog().provider(strategy).isPresent()) {
                settings.catalog().chosen(pool);
            }
        } catch (InvalidPoolConfigurationException e) {
            throw InvalidConfigException.of(e);
        }
        return new SigmalangConfig(pool, SigmalangConfig.encoderSettings(
                (Boolean) convert(Settings.BANK_ENABLED, raw, origins),
                (Integer) convert(Settings.BANK_CAPACITY, raw, origins),
                (Boolean) convert(Settings.DELTA_ENABLED, raw, origins),
                (Integer) convert(Settings.CONTEXT_DEPTH, raw, origins)), origins, settings);
    }

    private static Object convert(Setting s, Map<String, Object> raw, Map<String, String> origins) {
        return s.convert(raw.get(s.key()), origins.get(s.key()));
    }
}
