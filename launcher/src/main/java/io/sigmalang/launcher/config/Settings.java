package io.sigmalang.launcher.config;

import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.launcher.config.Setting.BooleanKind;
import io.sigmalang.launcher.config.Setting.ChoiceKind;
import io.sigmalang.launcher.config.Setting.DecimalKind;
import io.sigmalang.launcher.config.Setting.IntKind;
import io.sigmalang.launcher.config.Setting.NameKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every configuration key sigmalang knows, with its built-in default. No other key is accepted. */
public final class Settings {

    public static final Setting POOL_STRATEGY = new Setting("pool.strategy",
            "the buffer-pool strategy", new NameKind(), "adaptive");
    public static final Setting POOL_CAPACITY = new Setting("pool.capacity",
            "buffers the pool keeps (the adaptive pool's starting capacity)", new IntKind(1, 65_536), 32);
    public static final Setting POOL_BUFFER_SIZE = new Setting("pool.buffer-size",
            "bytes per pooled buffer", new IntKind(64, 1 << 26), 4096);
    public static final Setting POOL_LEAK_DETECTION = new Setting("pool.leak-detection",
            "which leases are tracked for leaks: none, one in 128, all, or all and close() fails on open leases",
            new ChoiceKind(List.of("off", "sampled", "paranoid", "strict")), "off");
    public static final Setting ADAPTIVE_GROW_THRESHOLD = new Setting("pool.adaptive.grow-threshold",
            "overflow rate over a window above which the adaptive pool grows", new DecimalKind(0, false, 1, true),
            0.05);
    public static final Setting ADAPTIVE_SHRINK_THRESHOLD = new Setting("pool.adaptive.shrink-threshold",
            "share of the capacity in use over a window below which the adaptive pool shrinks",
            new DecimalKind(0, true, 1, false), 0.25);
    public static final Setting ADAPTIVE_WINDOW = new Setting("pool.adaptive.window",
            "acquires per adaptive evaluation window", new IntKind(1, 1_000_000), 256);
    public static final Setting ADAPTIVE_FLOOR = new Setting("pool.adaptive.floor",
            "the adaptive pool's smallest capacity", new IntKind(1, 65_536), 4);
    public static final Setting ADAPTIVE_CAP = new Setting("pool.adaptive.cap",
            "the adaptive pool's largest capacity", new IntKind(1, 65_536), 256);
    public static final Setting OFFHEAP_ZEROING = new Setting("pool.offheap.zeroing",
            "when the off-heap pool wipes a buffer", new ChoiceKind(List.of("none", "on-release")), "on-release");
    public static final Setting BANK_ENABLED = new Setting("encoder.bank.enabled",
            "send repeated trees as Σ-bank references", new BooleanKind(), true);
    public static final Setting BANK_CAPACITY = new Setting("encoder.bank.capacity",
            "trees the Σ-bank holds", new IntKind(1, EncoderSettings.MAX_BANK_CAPACITY),
            EncoderSettings.DEFAULT_BANK_CAPACITY);
    public static final Setting DELTA_ENABLED = new Setting("encoder.delta.enabled",
            "send messages as deltas against recent ones", new BooleanKind(), true);
    public static final Setting CONTEXT_DEPTH = new Setting("encoder.context-depth",
            "recent messages kept as delta bases", new IntKind(1, EncoderSettings.MAX_CONTEXT_DEPTH),
            EncoderSettings.DEFAULT_CONTEXT_DEPTH);

    /** All keys, in documentation order. */
    public static final List<Setting> ALL = List.of(POOL_STRATEGY, POOL_CAPACITY, POOL_BUFFER_SIZE,
            POOL_LEAK_DETECTION, ADAPTIVE_GROW_THRESHOLD, ADAPTIVE_SHRINK_THRESHOLD, ADAPTIVE_WINDOW, ADAPTIVE_FLOOR,
            ADAPTIVE_CAP, OFFHEAP_ZEROING, BANK_ENABLED, BANK_CAPACITY, DELTA_ENABLED, CONTEXT_DEPTH);

    private static final Map<String, Setting> BY_KEY = new LinkedHashMap<>();

    static {
        for (Setting s : ALL) {
            BY_KEY.put(s.key(), s);
        }
    }

    private Settings() {
    }

    /** The setting for {@code key}, or {@code null} when there is none. */
    public static Setting byKey(String key) {
        return BY_KEY.get(key);
    }

    /** The known keys, comma-separated, for error messages. */
    public static String knownKeys() {
        return String.join(", ", BY_KEY.keySet());
    }
}
