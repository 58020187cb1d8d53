package io.sigmalang.adapters.spark;

import io.sigmalang.domain.batch.BatchSettings;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.pool.spi.InvalidPoolConfigurationException;
import io.sigmalang.domain.pool.spi.KnobKind;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import io.sigmalang.domain.pool.spi.PoolConfiguration;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How the Spark jobs encode and decode: the CLI's keys ({@code pool.strategy}, the {@code pool.*} keys of the
 * strategies installed, the {@code encoder.*} keys) with the same defaults, rules and one-line messages, plus two
 * keys of the batch service inside each task ({@code batch.workers}, {@code batch.max-queued}) and whether a
 * rejected row fails the job. Values are kept as given (strings, with where each came from) and validated by
 * {@link #validate()} on the driver, before any task runs; each executor builds its pool from them by strategy
 * name through {@link PoolCatalog}, so no code here names a pool module.
 *
 * <p>Immutable and serializable: it travels to the executors with the tasks.
 */
public final class SigmaSparkConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The strategy used when none is configured (the CLI's default). */
    public static final String DEFAULT_STRATEGY = "adaptive";
    /** Where a value given with {@link #with} came from, in messages. */
    public static final String SETTINGS_MAP = "settings map";

    static final String POOL_STRATEGY = "pool.strategy";
    static final String BANK_ENABLED = "encoder.bank.enabled";
    static final String BANK_CAPACITY = "encoder.bank.capacity";
    static final String DELTA_ENABLED = "encoder.delta.enabled";
    static final String CONTEXT_DEPTH = "encoder.context-depth";
    static final String WORKERS = "batch.workers";
    static final String MAX_QUEUED = "batch.max-queued";

    /** The keys that are not the pools', with their rules and defaults. */
    private static final Map<String, Key> OWN_KEYS = ownKeys();

    private record Key(KnobKind kind, Object defaultValue) {
    }

    private final TreeMap<String, String> values;
    private final TreeMap<String, String> origins;
    private final boolean failFast;

    private SigmaSparkConfig(Map<String, String> values, Map<String, String> origins, boolean failFast) {
        this.values = new TreeMap<>(values);
        this.origins = new TreeMap<>(origins);
        this.failFast = failFast;
    }

    private static Map<String, Key> ownKeys() {
        Map<String, Key> keys = new LinkedHashMap<>();
        keys.put(POOL_STRATEGY, new Key(new KnobKind.Name(), DEFAULT_STRATEGY));
        keys.put(BANK_ENABLED, new Key(new KnobKind.Flag(), true));
        keys.put(BANK_CAPACITY, new Key(new KnobKind.Whole(1, EncoderSettings.MAX_BANK_CAPACITY),
                EncoderSettings.DEFAULT_BANK_CAPACITY));
        keys.put(DELTA_ENABLED, new Key(new KnobKind.Flag(), true));
        keys.put(CONTEXT_DEPTH, new Key(new KnobKind.Whole(1, EncoderSettings.MAX_CONTEXT_DEPTH),
                EncoderSettings.DEFAULT_CONTEXT_DEPTH));
        // One worker per task: Spark already runs one task per core; the batch service's own threads would
        // only compete with the other tasks of the executor.
        keys.put(WORKERS, new Key(new KnobKind.Whole(1, BatchSettings.MAX_WORKERS), 1));
        keys.put(MAX_QUEUED, new Key(new KnobKind.Whole(1, BatchSettings.MAX_QUEUED),
                BatchSettings.defaults().maxQueued()));
        return keys;
    }

    /** Every key at its default, rejected rows kept as rows. */
    public static SigmaSparkConfig defaults() {
        return new SigmaSparkConfig(Map.of(), Map.of(), false);
    }

    /**
     * The keys of a {@code .properties} file on top of this configuration (later sources win, as in the CLI).
     *
     * @throws IOException when the file cannot be read
     */
    public SigmaSparkConfig withFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        SigmaSparkConfig config = this;
        for (String key : new TreeMap<>(properties).keySet().stream().map(Object::toString).toList()) {
            config = config.with(key, properties.getProperty(key), "file " + file);
        }
        return config;
    }

    /** {@code key} set to {@code value}, given by code. */
    public SigmaSparkConfig with(String key, String value) {
        return with(key, value, SETTINGS_MAP);
    }

    /** {@code key} set to {@code value}, which came from {@code origin} (named in error messages). */
    public SigmaSparkConfig with(String key, String value, String origin) {
        Map<String, String> v = new TreeMap<>(values);
        Map<String, String> o = new TreeMap<>(origins);
        v.put(key, value);
        o.put(key, origin);
        return new SigmaSparkConfig(v, o, failFast);
    }

    /** Whether the first rejected row fails the job instead of becoming a rejected row. */
    public SigmaSparkConfig withFailFast(boolean enabled) {
        return new SigmaSparkConfig(values, origins, enabled);
    }

    public boolean failFast() {
        return failFast;
    }

    /** The values given, by key (defaults not included). */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    /** The values of the {@code pool.*} keys given (the key of an executor's pool). */
    Map<String, String> poolValues() {
        Map<String, String> pool = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith("pool.")) {
                pool.put(key, value);
            }
        });
        return pool;
    }

    /**
     * Checks every key with the pool strategies installed here: unknown keys, values out of range, keys that do
     * not go together, the strategy and its footprint.
     *
     * @throws InvalidConfigurationException with a one-line message naming the key, its value, its origin and
     *     what is allowed
     */
    public SigmaSparkConfig validate() {
        PoolCatalog catalog = PoolCatalog.installed();
        try {
            catalog.chosen(poolConfiguration(catalog));
            codecSettings();
            batchSettings();
        } catch (InvalidPoolConfigurationException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
        return this;
    }

    /** The strategy's name and its knobs' values, checked by {@code catalog}. */
    PoolConfiguration poolConfiguration(PoolCatalog catalog) {
        Map<String, String> pool = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (OWN_KEYS.containsKey(e.getKey())) {
                continue;
            }
            if (catalog.knob(e.getKey()).isEmpty()) {
                unknown.add(e.getKey());
            } else {
                pool.put(e.getKey(), e.getValue());
            }
        }
        if (!unknown.isEmpty()) {
            String key = unknown.get(0);
            List<String> known = new ArrayList<>(OWN_KEYS.keySet());
            catalog.knobs().forEach(k -> known.add(k.key()));
            throw new InvalidConfigurationException("invalid configuration: unknown key " + key + " (from "
                    + origin(key) + "): known keys are " + String.join(", ", known));
        }
        return catalog.configure((String) own(POOL_STRATEGY), pool, origins);
    }

    /** The encoder's settings (for the decoder too: both sides must use the same). */
    CodecSettings codecSettings() {
        return new CodecSettings((Boolean) own(BANK_ENABLED), (Integer) own(BANK_CAPACITY),
                (Boolean) own(DELTA_ENABLED), (Integer) own(CONTEXT_DEPTH));
    }

    /** The batch service's settings inside one task: its workers and queue, conversations ended by the task. */
    BatchSettings batchSettings() {
        return BatchSettings.defaults().withWorkers((Integer) own(WORKERS)).withMaxQueued((Integer) own(MAX_QUEUED));
    }

    /** The strategy's name as configured. */
    String strategy() {
        return (String) own(POOL_STRATEGY);
    }

    private Object own(String key) {
        Key k = OWN_KEYS.get(key);
        String raw = values.get(key);
        if (raw == null) {
            return k.defaultValue();
        }
        Object value = k.kind().convert(raw);
        if (value == null) {
            throw new InvalidConfigurationException("invalid configuration: " + key + " = "
                    + InvalidPoolConfigurationException.show(raw) + " (from " + origin(key) + "): expected "
                    + k.kind().allowed());
        }
        return value;
    }

    private String origin(String key) {
        return origins.getOrDefault(key, PoolCatalog.DEFAULTS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmaSparkConfig c && c.values.equals(values) && c.failFast == failFast;
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + Boolean.hashCode(failFast);
    }

    @Override
    public String toString() {
        return "SigmaSparkConfig" + values + (failFast ? " fail-fast" : "");
    }
}
