package io.sigmalang.launcher.config;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.pool.spi.PoolConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The one validated configuration of a sigmalang run, built by {@link ConfigLoader} from all sources and bound in
 * the injector. It keeps, for every key, where its value came from, so that a later check (such as an unknown
 * strategy) can still say which source to fix.
 *
 * @param pool     the buffer pool's configuration: the strategy and every pool knob, validated by the strategies
 * @param encoder  the encoder's settings (bank, delta, context depth; never a codebook from configuration)
 * @param origins  key to a description of where its value came from, for every known key
 * @param settings the keys this configuration was loaded with
 */
public record SigmalangConfig(PoolConfiguration pool, EncoderSettings encoder, Map<String, String> origins,
        Settings settings) {

    public SigmalangConfig {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(settings, "settings");
        origins = Map.copyOf(origins);
    }

    /** The built-in defaults alone. */
    public static SigmalangConfig defaults() {
        return new ConfigLoader().load(ConfigSources.none());
    }

    /** The same configuration with another pool strategy, as if given on the command line. */
    public SigmalangConfig withStrategy(String strategy) {
        Map<String, String> o = new LinkedHashMap<>(origins);
        o.put(Settings.POOL_STRATEGY.key(), "code");
        return new SigmalangConfig(pool.withStrategy(strategy), encoder, o, settings);
    }

    /** Where the value of {@code key} came from. */
    public String origin(String key) {
        return origins.getOrDefault(key, "built-in defaults");
    }

    /** Every key with its value, spelled as a source would, in documentation order. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Settings.POOL_STRATEGY.key(), pool.strategy());
        values.putAll(pool.spelled(settings.catalog().knobs()));
        values.put(Settings.BANK_ENABLED.key(), encoder.bankEnabled());
        values.put(Settings.BANK_CAPACITY.key(), encoder.bankCapacity());
        values.put(Settings.DELTA_ENABLED.key(), encoder.deltaEnabled());
        values.put(Settings.CONTEXT_DEPTH.key(), encoder.contextDepth());
        return values;
    }

    /** Every key with its value and origin, one line, for the start-up log. */
    public String describe() {
        StringJoiner out = new StringJoiner(", ");
        values().forEach((k, v) -> out.add(k + "=" + v + " (" + origin(k) + ")"));
        return out.toString();
    }

    static EncoderSettings encoderSettings(boolean bank, int capacity, boolean delta, int depth) {
        return new EncoderSettings(bank, capacity, delta, depth, Codebook.none());
    }
}
