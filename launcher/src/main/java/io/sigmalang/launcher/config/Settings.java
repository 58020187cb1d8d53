package io.sigmalang.launcher.config;

import io.sigmalang.domain.codec.DecoderLimits;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.pool.spi.KnobKind;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key of a run, with its built-in default: {@code pool.strategy}, the pool knobs of the
 * strategies installed ({@link PoolCatalog}: the common ones, then each strategy's), then the encoder's and the decoder's. No
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

    public static final Setting DECODER_MAX_HELD_BYTES = new Setting("decoder.max-held-bytes",
            "bytes of decoded trees (full form) the decoder's Σ-bank and context may hold together",
            new KnobKind.Bytes(1), DecoderLimits.DEFAULT_MAX_HELD_BYTES);
    public static final Setting DECODER_MAX_BANK_CAPACITY = new Setting("decoder.max-bank-capacity",
            "the largest Σ-bank capacity a container may ask the decoder for",
            new KnobKind.Whole(1, EncoderSettings.MAX_BANK_CAPACITY), EncoderSettings.MAX_BANK_CAPACITY);
    public static final Setting DECODER_MAX_CONTEXT_DEPTH = new Setting("decoder.max-context-depth",
            "the largest context depth a container may ask the decoder for",
            new KnobKind.Whole(1, EncoderSettings.MAX_CONTEXT_DEPTH), EncoderSettings.MAX_CONTEXT_DEPTH);
    public static final Setting DECODER_MAX_MESSAGE_EXPANSION = new Setting("decoder.max-message-expansion",
            "the most full-form bytes one message may decode to per byte of its stream",
            new KnobKind.Whole(1, Integer.MAX_VALUE), (int) DecoderLimits.DEFAULT_MAX_MESSAGE_EXPANSION);
    public static final Setting DECODER_MAX_CONVERSATION_EXPANSION = new Setting(
            "decoder.max-conversation-expansion",
            "the most full-form bytes a conversation may decode to per byte of its streams",
            new KnobKind.Whole(1, Integer.MAX_VALUE), (int) DecoderLimits.DEFAULT_MAX_CONVERSATION_EXPANSION);

    private static final List<Setting> DECODER = List.of(DECODER_MAX_HELD_BYTES, DECODER_MAX_BANK_CAPACITY,
            DECODER_MAX_CONTEXT_DEPTH, DECODER_MAX_MESSAGE_EXPANSION, DECODER_MAX_CONVERSATION_EXPANSION);

    private final PoolCatalog catalog;
    private final Map<String, Setting> byKey = new LinkedHashMap<>();

    private Settings(PoolCatalog catalog) {
        this.catalog = catalog;
        List<Setting> all = new ArrayList<>();
        all.add(POOL_STRATEGY);
        catalog.knobs().forEach(knob -> all.add(Setting.of(knob)));
        all.addAll(ENCODER);
        all.addAll(DECODER);
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
