package io.sigmalang.launcher.config;

import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.pool.spi.KnobKind;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key of a run, with its built-in default: {@code pool.strategy}, the pool knobs of the
 * strategies installed ({@link PoolCatalog}: the common ones, then each strategy's), then the encoder's. No
 * other key is accepted. The launcher names no strategy and no strategy's key: installing a pool module adds its
 * keys here.
 */
public final class Settings {
    /** The strategy used when none is configured. */
    public static final String DEFAULT_STRATEGY = "adaptive";

    public static final Setting POOL_STRATEGY = new Setting("pool.strategy",
            "the buffer-pool strategy", new KnobKind.Name(), DEFAULT_STRATEGY);
    public static final Setting BANK_ENABLED = new Setting("encoder.bank.enabled",
            "send repeated trees as Σ-bank references", new KnobKind.Flag(), true);
    public static final Setting BANK_CAPACITY = new Setting("encoder.bank.capacity",
            "trees the Σ-bank holds", new KnobKind.Whole(1, EncoderSettings.MAX_BANK_CAPACITY),
            EncoderSettings.DEFAULT_BANK_CAPACITY);
    public static final Setting DELTA_ENABLED = new Setting("encoder.delta.enabled",
            "send messages as deltas against recent ones", new KnobKind.Flag(), true);
    public static final Setting CONTEXT_DEPTH = new Setting("encoder.context-depth",
            "recent messages kept as delta bases", new KnobKind.Whole(1, EncoderSettings.MAX_CONTEXT_DEPTH),
            EncoderSettings.DEFAULT_CONTEXT_DEPTH);

    private static final List<Setting> ENCODER = List.of(BANK_ENABLED, BANK_CAPACITY, DELTA_ENABLED, CONTEXT_DEPTH);

    private final PoolCatalog catalog;
    private final Map<String, Setting> byKey = new LinkedHashMap<>();

    private Settings(PoolCatalog catalog) {
        this.catalog = catalog;
        List<Setting> all = new ArrayList<>();
        all.add(POOL_STRATEGY);
        catalog.knobs().forEach(knob -> all.add(Setting.of(knob)));
        all.addAll(ENCODER);
        all.forEach(s -> byKey.put(s.key(), s));
    }

    /** The keys of the strategies found on the class path. */
    public static Settings installed() {
        return new Settings(PoolCatalog.installed());
    }

    /** The keys of the strategies in {@code catalog}. */
    public static Settings of(PoolCatalog catalog) {
        return new Settings(catalog);
    }

    public PoolCatalog catalog() {
        return catalog;
    }

    /** All keys, in documentation order. */
    public List<Setting> all() {
        return List.copyOf(byKey.values());
    }

    /** The setting for {@code key}, or {@code null} when there is none. */
    public Setting byKey(String key) {
        return byKey.get(key);
    }

    /** The known keys, comma-separated, for error messages. */
    public String knownKeys() {
        return String.join(", ", byKey.keySet());
    }
}
