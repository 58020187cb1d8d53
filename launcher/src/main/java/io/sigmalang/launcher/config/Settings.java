package io.sigmalang.launcher.config;

import io.sigmalang.domain.codec.DecoderLimits;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.pool.PoolBound;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.launcher.config.Setting.BooleanKind;
import io.sigmalang.launcher.config.Setting.BytesKind;
import io.sigmalang.launcher.config.Setting.ChoiceKind;
import io.sigmalang.launcher.config.Setting.DecimalKind;
import io.sigmalang.launcher.config.Setting.DurationKind;
import io.sigmalang.launcher.config.Setting.IntKind;
import io.sigmalang.launcher.config.Setting.NameKind;
import io.sigmalang.pool.adaptive.AdaptiveSettings;
import io.sigmalang.pool.offheap.OffHeapSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every configuration key sigmalang knows, with its built-in default. No other key is accepted. */
public final class Settings {

    // Defaults are read from the pools' own defaults, so that a run configured by nothing builds exactly the
    // pool a Java program gets from the pool's no-argument constructor.
    private static final PoolSettings POOL = PoolSettings.defaults();
    private static final AdaptiveSettings ADAPTIVE = AdaptiveSettings.defaults();

    public static final Setting POOL_STRATEGY = new Setting("pool.strategy",
            "the buffer-pool strategy", new NameKind(), "adaptive");
    public static final Setting POOL_CAPACITY = new Setting("pool.capacity",
            "buffers the fixed and off-heap pools allocate up front and keep (the adaptive pool has its own)",
            new IntKind(1, PoolSettings.MAX_CAPACITY), POOL.capacity());
    public static final Setting POOL_BUFFER_SIZE = new Setting("pool.buffer-size",
            "bytes per pooled buffer (a stream larger than one buffer is written across several)",
            new IntKind(64, 1 << 26), POOL.bufferSize());
    public static final Setting POOL_LEAK_DETECTION = new Setting("pool.leak-detection",
            "which leases are tracked for leaks: none, one in pool.leak-sample-interval, all, or all and close()"
                    + " fails on open leases",
            new ChoiceKind(List.of("off", "sampled", "paranoid", "strict")),
            POOL.leakDetection().level().name().toLowerCase(Locale.ROOT));
    public static final Setting POOL_LEAK_SAMPLE_INTERVAL = new Setting("pool.leak-sample-interval",
            "with pool.leak-detection = sampled, one lease in this many is tracked", new IntKind(1, 1 << 20),
            POOL.leakDetection().sampleInterval());
    public static final Setting POOL_BOUND_MAX_BYTES = new Setting("pool.bound.max-bytes",
            "limit on the bytes a pool holds plus the overflow buffers it has out (none: no limit)",
            new BytesKind(1), POOL.bound().maxBytes());
    public static final Setting POOL_BOUND_POLICY = new Setting("pool.bound.policy",
            "what an acquire does at the bound: allocate an unpooled buffer anyway, fail at once, or wait up to"
                    + " pool.bound.max-wait",
            new ChoiceKind(List.of("allocate-unpooled", "fail-fast", "wait")),
            POOL.bound().atBound().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    public static final Setting POOL_BOUND_MAX_WAIT = new Setting("pool.bound.max-wait",
            "how long an acquire waits at the bound under the wait policy (0 for the other policies)",
            new DurationKind(Duration.ZERO, PoolBound.LONGEST_WAIT), POOL.bound().maxWait());
    public static final Setting ADAPTIVE_INITIAL_CAPACITY = new Setting("pool.adaptive.initial-capacity",
            "the adaptive pool's capacity before its first window", new IntKind(1, PoolSettings.MAX_CAPACITY),
            ADAPTIVE.pool().capacity());
    public static final Setting ADAPTIVE_MIN_CAPACITY = new Setting("pool.adaptive.min-capacity",
            "the adaptive pool's smallest capacity", new IntKind(1, PoolSettings.MAX_CAPACITY),
            ADAPTIVE.minCapacity());
    public static final Setting ADAPTIVE_MAX_CAPACITY = new Setting("pool.adaptive.max-capacity",
            "the adaptive pool's largest capacity", new IntKind(1, PoolSettings.MAX_CAPACITY),
            ADAPTIVE.maxCapacity());
    public static final Setting ADAPTIVE_WINDOW_ACQUIRES = new Setting("pool.adaptive.window-acquires",
            "acquires per window; the capacity is revised at the end of each", new IntKind(1, 1_000_000_000),
            ADAPTIVE.windowAcquires());
    public static final Setting ADAPTIVE_GROW_ABOVE = new Setting("pool.adaptive.grow-above",
            "overflow rate over a window above which the adaptive pool grows", new DecimalKind(0, true, 1, true),
            ADAPTIVE.growAbove());
    public static final Setting ADAPTIVE_SHRINK_BELOW = new Setting("pool.adaptive.shrink-below",
            "overflow rate over a window below which it shrinks (never under the window's peak of leases out)",
            new DecimalKind(0, true, 1, true), ADAPTIVE.shrinkBelow());
    public static final Setting ADAPTIVE_GROW_FACTOR = new Setting("pool.adaptive.grow-factor",
            "capacity multiplier when growing (at least one more buffer)", new DecimalKind(1, false, 16, true),
            ADAPTIVE.growFactor());
    public static final Setting ADAPTIVE_SHRINK_FACTOR = new Setting("pool.adaptive.shrink-factor",
            "capacity multiplier when shrinking (at least one fewer buffer)", new DecimalKind(0, false, 1, false),
            ADAPTIVE.shrinkFactor());
    public static final Setting ADAPTIVE_IDLE_TRIM_AFTER = new Setting("pool.adaptive.idle-trim-after",
            "time without acquires after which the adaptive pool lets its free buffers go",
            new DurationKind(Duration.ofMillis(1), Duration.ofDays(1)), ADAPTIVE.idleTrimAfter());
    public static final Setting OFFHEAP_ZEROING = new Setting("pool.offheap.zeroing",
            "whether the off-heap pool overwrites a released buffer with zeros before lending it again",
            new ChoiceKind(List.of("none", "on-release")),
            OffHeapSettings.defaults().zeroOnRelease() ? "on-release" : "none");
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

    public static final Setting DECODER_MAX_HELD_BYTES = new Setting("decoder.max-held-bytes",
            "bytes of decoded trees (full form) the decoder's Σ-bank and context may hold together",
            new BytesKind(1), DecoderLimits.DEFAULT_MAX_HELD_BYTES);
    public static final Setting DECODER_MAX_BANK_CAPACITY = new Setting("decoder.max-bank-capacity",
            "the largest Σ-bank capacity a container may ask the decoder for",
            new IntKind(1, EncoderSettings.MAX_BANK_CAPACITY), EncoderSettings.MAX_BANK_CAPACITY);
    public static final Setting DECODER_MAX_CONTEXT_DEPTH = new Setting("decoder.max-context-depth",
            "the largest context depth a container may ask the decoder for",
            new IntKind(1, EncoderSettings.MAX_CONTEXT_DEPTH), EncoderSettings.MAX_CONTEXT_DEPTH);
    public static final Setting DECODER_MAX_MESSAGE_EXPANSION = new Setting("decoder.max-message-expansion",
            "the most full-form bytes one message may decode to per byte of its stream",
            new IntKind(1, Integer.MAX_VALUE), (int) DecoderLimits.DEFAULT_MAX_MESSAGE_EXPANSION);
    public static final Setting DECODER_MAX_CONVERSATION_EXPANSION = new Setting("decoder.max-conversation-expansion",
            "the most full-form bytes a conversation may decode to per byte of its streams",
            new IntKind(1, Integer.MAX_VALUE), (int) DecoderLimits.DEFAULT_MAX_CONVERSATION_EXPANSION);

    /** All keys, in documentation order. */
    public static final List<Setting> ALL = List.of(POOL_STRATEGY, POOL_CAPACITY, POOL_BUFFER_SIZE,
            POOL_LEAK_DETECTION, POOL_LEAK_SAMPLE_INTERVAL, POOL_BOUND_MAX_BYTES, POOL_BOUND_POLICY,
            POOL_BOUND_MAX_WAIT, ADAPTIVE_INITIAL_CAPACITY, ADAPTIVE_MIN_CAPACITY, ADAPTIVE_MAX_CAPACITY,
            ADAPTIVE_WINDOW_ACQUIRES, ADAPTIVE_GROW_ABOVE, ADAPTIVE_SHRINK_BELOW, ADAPTIVE_GROW_FACTOR,
            ADAPTIVE_SHRINK_FACTOR, ADAPTIVE_IDLE_TRIM_AFTER, OFFHEAP_ZEROING, BANK_ENABLED, BANK_CAPACITY,
            DELTA_ENABLED, CONTEXT_DEPTH, DECODER_MAX_HELD_BYTES, DECODER_MAX_BANK_CAPACITY,
            DECODER_MAX_CONTEXT_DEPTH, DECODER_MAX_MESSAGE_EXPANSION, DECODER_MAX_CONVERSATION_EXPANSION);

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
