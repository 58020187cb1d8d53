package io.sigmalang.launcher.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.sigmalang.domain.codec.DecoderLimits;
import io.sigmalang.domain.pool.PoolBound;
import java.nio.file.Files;
import java.time.Duration;
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
            values.put(s.key(), s.spelledDefault());
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
        } catch (ConfigException | IllegalArgumentException e) {
            // IllegalArgumentException: java.util.Properties refuses a malformed backslash-u escape in a .properties
            // file with it, and Typesafe Config lets it through (found by fuzzing).
            throw new InvalidConfigException("--config", "invalid configuration: --config " + name + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("cannot be read"));
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
        Values v = new Values(values, origins);
        PoolConfig pool = new PoolConfig(
                v.string(Settings.POOL_STRATEGY),
                v.integer(Settings.POOL_CAPACITY),
                v.integer(Settings.POOL_BUFFER_SIZE),
                v.string(Settings.POOL_LEAK_DETECTION),
                v.integer(Settings.POOL_LEAK_SAMPLE_INTERVAL),
                bound(v),
                adaptive(v),
                v.string(Settings.OFFHEAP_ZEROING));
        return new SigmalangConfig(pool, SigmalangConfig.encoderSettings(
                (Boolean) values.get(Settings.BANK_ENABLED.key()),
                v.integer(Settings.BANK_CAPACITY),
                (Boolean) values.get(Settings.DELTA_ENABLED.key()),
                v.integer(Settings.CONTEXT_DEPTH)), origins, new DecoderLimits(
                (Long) v.get(Settings.DECODER_MAX_HELD_BYTES),
                v.integer(Settings.DECODER_MAX_BANK_CAPACITY),
                v.integer(Settings.DECODER_MAX_CONTEXT_DEPTH),
                v.integer(Settings.DECODER_MAX_MESSAGE_EXPANSION),
                v.integer(Settings.DECODER_MAX_CONVERSATION_EXPANSION)));
    }

    /** The converted values and their origins, for the checks across keys. */
    private record Values(Map<String, Object> values, Map<String, String> origins) {
        Object get(Setting s) {
            return values.get(s.key());
        }

        int integer(Setting s) {
            return (Integer) get(s);
        }

        double decimal(Setting s) {
            return (Double) get(s);
        }

        String string(Setting s) {
            return (String) get(s);
        }

        /** {@code key = value (from origin)}, the value spelled as a source would. */
        String show(Setting s) {
            Object value = get(s);
            return s.key() + " = " + (value instanceof String ? InvalidConfigException.render(value)
                    : s.kind().spell(value)) + " (from " + origins.get(s.key()) + ")";
        }

        /** A check across two keys failed: both, their values and origins, and how they must relate. */
        InvalidConfigException refuse(Setting a, String relation, Setting b) {
            return new InvalidConfigException(a.key(), "invalid configuration: " + show(a) + " " + relation + " "
                    + show(b));
        }
    }

    private static PoolConfig.BoundConfig bound(Values v) {
        long maxBytes = (Long) v.get(Settings.POOL_BOUND_MAX_BYTES);
        String policy = v.string(Settings.POOL_BOUND_POLICY);
        Duration maxWait = (Duration) v.get(Settings.POOL_BOUND_MAX_WAIT);
        if (maxBytes < v.integer(Settings.POOL_BUFFER_SIZE)) {
            throw v.refuse(Settings.POOL_BOUND_MAX_BYTES, "must be at least one buffer,", Settings.POOL_BUFFER_SIZE);
        }
        boolean waits = policy.equals("wait");
        if (waits && maxWait.isZero()) {
            throw v.refuse(Settings.POOL_BOUND_MAX_WAIT, "must be 1ms to "
                    + Setting.DurationKind.format(PoolBound.LONGEST_WAIT) + " with", Settings.POOL_BOUND_POLICY);
        }
        if (!waits && !maxWait.isZero()) {
            throw v.refuse(Settings.POOL_BOUND_MAX_WAIT, "is only used by the wait policy and must be 0 with",
                    Settings.POOL_BOUND_POLICY);
        }
        return new PoolConfig.BoundConfig(maxBytes, policy, maxWait);
    }

    private static PoolConfig.AdaptiveConfig adaptive(Values v) {
        int initial = v.integer(Settings.ADAPTIVE_INITIAL_CAPACITY);
        int min = v.integer(Settings.ADAPTIVE_MIN_CAPACITY);
        int max = v.integer(Settings.ADAPTIVE_MAX_CAPACITY);
        if (min > max) {
            throw v.refuse(Settings.ADAPTIVE_MIN_CAPACITY, "must not exceed", Settings.ADAPTIVE_MAX_CAPACITY);
        }
        if (initial < min) {
            throw v.refuse(Settings.ADAPTIVE_INITIAL_CAPACITY, "must be at least", Settings.ADAPTIVE_MIN_CAPACITY);
        }
        if (initial > max) {
            throw v.refuse(Settings.ADAPTIVE_INITIAL_CAPACITY, "must not exceed", Settings.ADAPTIVE_MAX_CAPACITY);
        }
        double growAbove = v.decimal(Settings.ADAPTIVE_GROW_ABOVE);
        double shrinkBelow = v.decimal(Settings.ADAPTIVE_SHRINK_BELOW);
        if (shrinkBelow > growAbove) {
            throw v.refuse(Settings.ADAPTIVE_SHRINK_BELOW, "must not exceed", Settings.ADAPTIVE_GROW_ABOVE);
        }
        return new PoolConfig.AdaptiveConfig(initial, min, max, v.integer(Settings.ADAPTIVE_WINDOW_ACQUIRES),
                growAbove, shrinkBelow, v.decimal(Settings.ADAPTIVE_GROW_FACTOR),
                v.decimal(Settings.ADAPTIVE_SHRINK_FACTOR), (Duration) v.get(Settings.ADAPTIVE_IDLE_TRIM_AFTER));
    }
}
