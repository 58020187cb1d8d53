package io.sigmalang.launcher.config;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.codec.EncoderSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The one validated configuration of a sigmalang run, built by {@link ConfigLoader} from all sources and bound in
 * the injector. It keeps, for every key, where its value came from, so that a later check (such as an unknown
 * strategy) can still say which source to fix.
 *
 * @param pool     the buffer pool's settings
 * @param encoder  the encoder's settings (bank, delta, context depth; never a codebook from configuration)
 * @param origins  key to a description of where its value came from, for every known key
 */
public record SigmalangConfig(PoolConfig pool, EncoderSettings encoder, Map<String, String> origins) {

    public SigmalangConfig {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(encoder, "encoder");
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
        return new SigmalangConfig(new PoolConfig(strategy, pool.capacity(), pool.bufferSize(), pool.leakDetection(),
                pool.adaptive(), pool.offHeapZeroing()), encoder, o);
    }

    /** Where the value of {@code key} came from. */
    public String origin(String key) {
        return origins.getOrDefault(key, "built-in defaults");
    }

    /** Every key with its value and origin, one line, for the start-up log. */
    public String describe() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Settings.POOL_STRATEGY.key(), pool.strategy());
        values.put(Settings.POOL_CAPACITY.key(), pool.capacity());
        values.put(Settings.POOL_BUFFER_SIZE.key(), pool.bufferSize());
        values.put(Settings.POOL_LEAK_DETECTION.key(), pool.leakDetection());
        values.put(Settings.ADAPTIVE_GROW_THRESHOLD.key(), pool.adaptive().growThreshold());
        values.put(Settings.ADAPTIVE_SHRINK_THRESHOLD.key(), pool.adaptive().shrinkThreshold());
        values.put(Settings.ADAPTIVE_WINDOW.key(), pool.adaptive().window());
        values.put(Settings.ADAPTIVE_FLOOR.key(), pool.adaptive().floor());
        values.put(Settings.ADAPTIVE_CAP.key(), pool.adaptive().cap());
        values.put(Settings.OFFHEAP_ZEROING.key(), pool.offHeapZeroing());
        values.put(Settings.BANK_ENABLED.key(), encoder.bankEnabled());
        values.put(Settings.BANK_CAPACITY.key(), encoder.bankCapacity());
        values.put(Settings.DELTA_ENABLED.key(), encoder.deltaEnabled());
        values.put(Settings.CONTEXT_DEPTH.key(), encoder.contextDepth());
        StringJoiner out = new StringJoiner(", ");
        values.forEach((k, v) -> out.add(k + "=" + v + " (" + origin(k) + ")"));
        return out.toString();
    }

    static EncoderSettings encoderSettings(boolean bank, int capacity, boolean delta, int depth) {
        return new EncoderSettings(bank, capacity, delta, depth, Codebook.none());
    }
}
