package io.sigmalang.pool.adaptive;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.domain.pool.spi.CommonKnobs;
import io.sigmalang.domain.pool.spi.KnobKind;
import io.sigmalang.domain.pool.spi.PoolConfiguration;
import io.sigmalang.domain.pool.spi.PoolKnob;
import io.sigmalang.domain.pool.spi.PoolStrategyProvider;
import java.util.List;
import java.util.Map;

/**
 * The {@code adaptive} strategy for {@link java.util.ServiceLoader}: an {@link AdaptiveBufferPool} and the
 * knobs of its rule, each with the bounds {@link AdaptiveSettings} itself enforces.
 */
public final class AdaptivePoolProvider implements PoolStrategyProvider {
    private static final AdaptiveSettings DEFAULTS = AdaptiveSettings.defaults();
    private static final KnobKind CAPACITY = new KnobKind.Whole(1, PoolSettings.MAX_CAPACITY);

    public static final PoolKnob INITIAL_CAPACITY = new PoolKnob("pool.adaptive.initial-capacity",
            "the adaptive pool's capacity before its first window", CAPACITY, DEFAULTS.pool().capacity());
    public static final PoolKnob MIN_CAPACITY = new PoolKnob("pool.adaptive.min-capacity",
            "the adaptive pool's smallest capacity", CAPACITY, DEFAULTS.minCapacity());
    public static final PoolKnob MAX_CAPACITY = new PoolKnob("pool.adaptive.max-capacity",
            "the adaptive pool's largest capacity", CAPACITY, DEFAULTS.maxCapacity());
    public static final PoolKnob WINDOW_ACQUIRES = new PoolKnob("pool.adaptive.window-acquires",
            "acquires per window; the capacity is revised at the end of each",
            new KnobKind.Whole(1, AdaptiveSettings.MAX_WINDOW_ACQUIRES), DEFAULTS.windowAcquires());
    public static final PoolKnob GROW_ABOVE = new PoolKnob("pool.adaptive.grow-above",
            "overflow rate over a window above which the adaptive pool grows", new KnobKind.Decimal(0, true, 1, true),
            DEFAULTS.growAbove());
    public static final PoolKnob SHRINK_BELOW = new PoolKnob("pool.adaptive.shrink-below",
            "overflow rate over a window below which it shrinks (never under the window's peak of leases out)",
            new KnobKind.Decimal(0, true, 1, true), DEFAULTS.shrinkBelow());
    public static final PoolKnob GROW_FACTOR = new PoolKnob("pool.adaptive.grow-factor",
            "capacity multiplier when growing (at least one more buffer)",
            new KnobKind.Decimal(1, false, AdaptiveSettings.MAX_GROW_FACTOR, true), DEFAULTS.growFactor());
    public static final PoolKnob SHRINK_FACTOR = new PoolKnob("pool.adaptive.shrink-factor",
            "capacity multiplier when shrinking (at least one fewer buffer)", new KnobKind.Decimal(0, false, 1, false),
            DEFAULTS.shrinkFactor());
    public static final PoolKnob IDLE_TRIM_AFTER = new PoolKnob("pool.adaptive.idle-trim-after",
            "time without acquires after which the adaptive pool lets its free buffers go",
            new KnobKind.Span(AdaptiveSettings.SHORTEST_IDLE_TRIM, AdaptiveSettings.LONGEST_IDLE_TRIM),
            DEFAULTS.idleTrimAfter());

    @Override
    public String name() {
        return AdaptiveBufferPool.NAME;
    }

    @Override
    public String description() {
        return "heap buffers created on demand, capacity revised every window between a floor and a cap";
    }

    @Override
    public List<PoolKnob> knobs() {
        return List.of(INITIAL_CAPACITY, MIN_CAPACITY, MAX_CAPACITY, WINDOW_ACQUIRES, GROW_ABOVE, SHRINK_BELOW,
                GROW_FACTOR, SHRINK_FACTOR, IDLE_TRIM_AFTER);
    }

    /** The adaptive pool retains at most its largest capacity. */
    @Override
    public PoolKnob capacityKnob() {
        return MAX_CAPACITY;
    }

    /**
     * At most {@code capacity} buffers, starting at and shrinking back to an eighth of it (the defaults' 16..128
     * ratio).
     */
    @Override
    public Map<String, String> sizedFor(int capacity) {
        String floor = Integer.toString(Math.max(1, capacity / 8));
        return Map.of(MAX_CAPACITY.key(), Integer.toString(capacity), MIN_CAPACITY.key(), floor,
                INITIAL_CAPACITY.key(), floor);
    }

    @Override
    public void check(PoolConfiguration c) {
        if (c.integer(MIN_CAPACITY) > c.integer(MAX_CAPACITY)) {
            throw c.refuse(MIN_CAPACITY, "must not exceed", MAX_CAPACITY);
        }
        if (c.integer(INITIAL_CAPACITY) < c.integer(MIN_CAPACITY)) {
            throw c.refuse(INITIAL_CAPACITY, "must be at least", MIN_CAPACITY);
        }
        if (c.integer(INITIAL_CAPACITY) > c.integer(MAX_CAPACITY)) {
            throw c.refuse(INITIAL_CAPACITY, "must not exceed", MAX_CAPACITY);
        }
        if (c.decimal(SHRINK_BELOW) > c.decimal(GROW_ABOVE)) {
            throw c.refuse(SHRINK_BELOW, "must not exceed", GROW_ABOVE);
        }
    }

    @Override
    public BufferPool create(PoolConfiguration configuration) {
        return new AdaptiveBufferPool(settings(configuration));
    }

    /** The configuration as the adaptive pool's own settings. */
    public static AdaptiveSettings settings(PoolConfiguration c) {
        return new AdaptiveSettings(CommonKnobs.settings(c, c.integer(INITIAL_CAPACITY)), c.integer(MIN_CAPACITY),
                c.integer(MAX_CAPACITY), c.integer(WINDOW_ACQUIRES), c.decimal(GROW_ABOVE), c.decimal(SHRINK_BELOW),
                c.decimal(GROW_FACTOR), c.decimal(SHRINK_FACTOR), c.duration(IDLE_TRIM_AFTER));
    }
}
