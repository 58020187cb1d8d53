package io.sigmalang.launcher.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
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
 * <p>Strict: an unknown key in the file or on the command line, a value of the wrong kind, a number out of
 * range or an inconsistent pair fails with {@link InvalidConfigException}, one line naming key, value, origin
 * and what is allowed. Unknown {@code SIGMALANG_*} variables and {@code sigmalang.*} properties are ignored,
 * since other tools may share the prefix.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "built-in defaults";

    /** Loads, merges and validates; never returns a partially valid configuration. */
    public SigmalangConfig load(ConfigSources sources) {
        Config merged = defaults();
        if (sources.file() != null) {
            merged = layer(file(sources), merged);
        }
        for (Setting s : Settings.ALL) {
            String env = sources.environment().get(s.environmentVariable());
            if (env != null) {
                merged = layer(single(s.key(), env, "environment variable " + s.environmentVariable()), merged);
            }
        }
        for (Setting s : Settings.ALL) {
            String property = sources.properties().getProperty(s.systemProperty());
            if (property != null) {
                merged = layer(single(s.key(), property, "system property " + s.systemProperty()), merged);
            }
        }
        for (ConfigSources.Option option : sources.options()) {
            if (Settings.byKey(option.key()) == null) {
                throw new InvalidConfigException(option.key(), "invalid configuration: unknown key " + option.key()
                        + " (from command-line option " + option.option() + "): known keys are "
                        + Settings.knownKeys());
            }
            merged = layer(single(option.key(), option.value(), "command-line option " + option.option()), merged);
        }
        return validate(merged);
    }

    private static Config layer(Config higher, Config lower) {
        return higher.withFallback(lower);
    }

    private static Config defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : Settings.ALL) {
            values.put(s.key(), s.defaultValue());
        }
        return ConfigFactory.parseMap(values, DEFAULTS);
    }

    private static Config single(String key, String value, String origin) {
        Map<String, Object> one = new HashMap<>();
        one.put(key, value);
        return ConfigFactory.parseMap(one, origin);
    }

    private static Config file(ConfigSources sources) {
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
            if (Settings.byKey(entry.getKey()) == null) {
                throw new InvalidConfigException(entry.getKey(), "invalid configuration: unknown key " + entry.getKey()
                        + " (from " + describe(entry.getValue().origin()) + "): known keys are " + Settings.knownKeys());
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

    private static SigmalangConfig validate(Config merged) {
        Map<String, Object> values = new HashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (Setting s : Settings.ALL) {
            ConfigValue raw;
            try {
                raw = merged.getValue(s.key());
            } catch (ConfigException e) {
                throw new InvalidConfigException(s.key(), "invalid configuration: " + s.key() + " has no usable value ("
                        + e.getMessage().lines().findFirst().orElse("") + "): expected " + s.kind().allowed());
            }
            String origin = describe(raw.origin());
            Object unwrapped = raw.valueType() == ConfigValueType.OBJECT || raw.valueType() == ConfigValueType.LIST
                    ? raw.render() : raw.unwrapped();
            values.put(s.key(), s.convert(unwrapped, origin));
            origins.put(s.key(), origin);
        }
        double grow = (Double) values.get(Settings.ADAPTIVE_GROW_THRESHOLD.key());
        double shrink = (Double) values.get(Settings.ADAPTIVE_SHRINK_THRESHOLD.key());
        int floor = (Integer) values.get(Settings.ADAPTIVE_FLOOR.key());
        int cap = (Integer) values.get(Settings.ADAPTIVE_CAP.key());
        if (floor > cap) {
            throw pair(Settings.ADAPTIVE_FLOOR, floor, Settings.ADAPTIVE_CAP, cap, origins, "must not exceed");
        }
        PoolConfig pool = new PoolConfig(
                (String) values.get(Settings.POOL_STRATEGY.key()),
                (Integer) values.get(Settings.POOL_CAPACITY.key()),
                (Integer) values.get(Settings.POOL_BUFFER_SIZE.key()),
                (String) values.get(Settings.POOL_LEAK_DETECTION.key()),
                new PoolConfig.AdaptiveConfig(grow, shrink, (Integer) values.get(Settings.ADAPTIVE_WINDOW.key()), floor, cap),
                (String) values.get(Settings.OFFHEAP_ZEROING.key()));
        return new SigmalangConfig(pool, SigmalangConfig.encoderSettings(
                (Boolean) values.get(Settings.BANK_ENABLED.key()),
                (Integer) values.get(Settings.BANK_CAPACITY.key()),
                (Boolean) values.get(Settings.DELTA_ENABLED.key()),
                (Integer) values.get(Settings.CONTEXT_DEPTH.key())), origins);
    }

    private static InvalidConfigException pair(Setting a, Object va, Setting b, Object vb, Map<String, String> origins,
            String relation) {
        return new InvalidConfigException(a.key(), "invalid configuration: " + a.key() + " = " + va + " (from "
                + origins.get(a.key()) + ") " + relation + " " + b.key() + " = " + vb + " (from " + origins.get(b.key())
                + ")");
    }
}
