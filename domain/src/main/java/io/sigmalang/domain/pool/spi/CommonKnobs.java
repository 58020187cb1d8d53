package io.sigmalang.domain.pool.spi;

import io.sigmalang.domain.pool.BoundPolicy;
import io.sigmalang.domain.pool.LeakDetection;
import io.sigmalang.domain.pool.LeakListener;
import io.sigmalang.domain.pool.PoolBound;
import io.sigmalang.domain.pool.PoolSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The knobs every strategy shares (those of {@link PoolSettings}), declared once, with the bounds of
 * {@link PoolSettings} itself, so that a value the configuration accepts is a value the pool accepts.
 */
public final class CommonKnobs {
    /**
     * The most bytes a configured pool may retain: {@code capacity × buffer size} (for a pool that grows, its
     * largest capacity) at most 1 GiB. A configuration is refused beyond it, naming both keys, before anything
     * is allocated: a typo such as a buffer size of 64 MiB for 128 buffers would otherwise take 8 GiB of heap
     * and end in an {@link OutOfMemoryError}. Code that truly wants more builds its pool with a constructor.
     */
    public static final long MAX_FOOTPRINT_BYTES = 1L << 30;

    private static final PoolSettings DEFAULTS = PoolSettings.defaults();

    public static final PoolKnob CAPACITY = new PoolKnob("pool.capacity",
            "buffers a pool that allocates up front (fixed, offheap) allocates and keeps",
            new KnobKind.Whole(1, PoolSettings.MAX_CAPACITY), DEFAULTS.capacity());
    public static final PoolKnob BUFFER_SIZE = new PoolKnob("pool.buffer-size",
            "bytes per pooled buffer, every strategy (a stream larger than one buffer is written across several)",
            new KnobKind.Whole(1, PoolSettings.MAX_BUFFER_SIZE), DEFAULTS.bufferSize());
    public static final PoolKnob LEAK_DETECTION = new PoolKnob("pool.leak-detection",
            "which leases are tracked for leaks: none, one in pool.leak-sample-interval, all, or all and close()"
                    + " fails on open leases",
            new KnobKind.Choice(List.of("off", "sampled", "paranoid", "strict")),
            DEFAULTS.leakDetection().level().name().toLowerCase(Locale.ROOT));
    public static final PoolKnob LEAK_SAMPLE_INTERVAL = new PoolKnob("pool.leak-sample-interval",
            "with pool.leak-detection = sampled, one lease in this many is tracked",
            new KnobKind.Whole(1, LeakDetection.MAX_SAMPLE_INTERVAL), DEFAULTS.leakDetection().sampleInterval());
    public static final PoolKnob BOUND_MAX_BYTES = new PoolKnob("pool.bound.max-bytes",
            "limit on the bytes a pool holds plus the overflow buffers it has out (none: no limit)",
            new KnobKind.Bytes(1), DEFAULTS.bound().maxBytes());
    public static final PoolKnob BOUND_POLICY = new PoolKnob("pool.bound.policy",
            "what an acquire does at the bound: allocate an unpooled buffer anyway, fail at once, or wait up to"
                    + " pool.bound.max-wait",
            new KnobKind.Choice(List.of("allocate-unpooled", "fail-fast", "wait")),
            spell(DEFAULTS.bound().atBound()));
    public static final PoolKnob BOUND_MAX_WAIT = new PoolKnob("pool.bound.max-wait",
            "how long an acquire waits at the bound under the wait policy (0 for the other policies)",
            new KnobKind.Span(Duration.ZERO, PoolBound.LONGEST_WAIT), DEFAULTS.bound().maxWait());

    /** All of them, in documentation order. */
    public static final List<PoolKnob> ALL = List.of(CAPACITY, BUFFER_SIZE, LEAK_DETECTION, LEAK_SAMPLE_INTERVAL,
            BOUND_MAX_BYTES, BOUND_POLICY, BOUND_MAX_WAIT);

    private CommonKnobs() {
    }

    private static String spell(BoundPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The checks across common keys: a bound holds at least one buffer; max-wait goes with wait only. */
    static void check(PoolConfiguration c) {
        if (c.bytes(BOUND_MAX_BYTES) < c.integer(BUFFER_SIZE)) {
            throw c.refuse(BOUND_MAX_BYTES, "must be at least one buffer,", BUFFER_SIZE);
        }
        boolean waits = c.choice(BOUND_POLICY).equals("wait");
        Duration maxWait = c.duration(BOUND_MAX_WAIT);
        if (waits && maxWait.isZero()) {
            throw c.refuse(BOUND_MAX_WAIT, "must be 1ms to " + KnobKind.Span.format(PoolBound.LONGEST_WAIT)
                    + " with", BOUND_POLICY);
        }
        if (!waits && !maxWait.isZero()) {
            throw c.refuse(BOUND_MAX_WAIT, "is only used by the wait policy and must be 0 with", BOUND_POLICY);
        }
    }

    /**
     * The common settings of {@code c}, with {@code capacity} buffers (a strategy may take its capacity from a
     * knob of its own) and the default stripes.
     */
    public static PoolSettings settings(PoolConfiguration c, int capacity) {
        BoundPolicy policy = BoundPolicy.valueOf(c.choice(BOUND_POLICY).toUpperCase(Locale.ROOT).replace('-', '_'));
        LeakDetection.Level level = LeakDetection.Level.valueOf(c.choice(LEAK_DETECTION).toUpperCase(Locale.ROOT));
        return PoolSettings.defaults()
                .withCapacity(capacity)
                .withBufferSize(c.integer(BUFFER_SIZE))
                .withBound(new PoolBound(c.bytes(BOUND_MAX_BYTES), policy, c.duration(BOUND_MAX_WAIT)))
                .withLeakDetection(new LeakDetection(level, c.integer(LEAK_SAMPLE_INTERVAL), LeakListener.logging()));
    }

    /**
     * The common settings for a pool that allocates {@code pool.capacity} buffers up front.
     *
     * @throws InvalidPoolConfigurationException when those buffers alone exceed {@code pool.bound.max-bytes}
     */
    public static PoolSettings preallocated(PoolConfiguration c) {
        long bytes = (long) c.integer(CAPACITY) * c.integer(BUFFER_SIZE);
        if (bytes > c.bytes(BOUND_MAX_BYTES)) {
            throw new InvalidPoolConfigurationException(BOUND_MAX_BYTES.key(), "invalid configuration: "
                    + CAPACITY.key() + " × " + BUFFER_SIZE.key() + " = " + c.integer(CAPACITY) + " × "
                    + c.integer(BUFFER_SIZE) + " = " + bytes + " bytes (from " + c.origin(CAPACITY) + "; "
                    + c.origin(BUFFER_SIZE) + ") must not exceed " + c.show(BOUND_MAX_BYTES) + ": the "
                    + c.strategy() + " pool allocates all its buffers up front");
        }
        return settings(c, c.integer(CAPACITY));
    }
}
