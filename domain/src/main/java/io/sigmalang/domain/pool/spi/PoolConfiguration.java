package io.sigmalang.domain.pool.spi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A validated pool configuration: the strategy's name and, for every knob of the {@link PoolCatalog} it was
 * built by, a typed value and where it came from. Built by {@link PoolCatalog#configure}; a strategy reads its
 * values from it in {@link PoolStrategyProvider#create}.
 */
public final class PoolConfiguration {
    private final String strategy;
    private final Map<String, Object> values;
    private final Map<String, String> origins;

    PoolConfiguration(String strategy, Map<String, Object> values, Map<String, String> origins) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    /** The strategy chosen. */
    public String strategy() {
        return strategy;
    }

    /** The same values for another strategy. */
    public PoolConfiguration withStrategy(String other) {
        return new PoolConfiguration(other, values, origins);
    }

    /** The typed value of {@code knob}: an {@code Integer}, {@code Double}, {@code Boolean}, {@code String}, ... */
    public Object value(PoolKnob knob) {
        Object value = values.get(knob.key());
        if (value == null) {
            throw new IllegalArgumentException(knob.key() + " is not a knob of this configuration");
        }
        return value;
    }

    public int integer(PoolKnob knob) {
        return (Integer) value(knob);
    }

    public double decimal(PoolKnob knob) {
        return (Double) value(knob);
    }

    public long bytes(PoolKnob knob) {
        return (Long) value(knob);
    }

    public boolean flag(PoolKnob knob) {
        return (Boolean) value(knob);
    }

    public String choice(PoolKnob knob) {
        return (String) value(knob);
    }

    public Duration duration(PoolKnob knob) {
        return (Duration) value(knob);
    }

    /** Where the value of {@code knob} came from ({@code "built-in defaults"} when from no source). */
    public String origin(PoolKnob knob) {
        return origins.getOrDefault(knob.key(), PoolCatalog.DEFAULTS);
    }

    /** The values of {@code knobs}, spelled as a source would, in the order of {@code knobs}. */
    public Map<String, Object> spelled(Iterable<PoolKnob> knobs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (PoolKnob knob : knobs) {
            out.put(knob.key(), knob.kind().spell(value(knob)));
        }
        return out;
    }

    /** {@code key = value (from origin)}, the value spelled as a source would. */
    public String show(PoolKnob knob) {
        Object value = value(knob);
        return knob.key() + " = " + (value instanceof String ? InvalidPoolConfigurationException.show(value)
                : knob.kind().spell(value)) + " (from " + origin(knob) + ")";
    }

    /**
     * The error for two keys that do not go together: both, their values and origins, and how they must relate,
     * as in {@code a = 300 (from file f line 1) must not exceed b = 128 (from built-in defaults)}.
     */
    public InvalidPoolConfigurationException refuse(PoolKnob a, String relation, PoolKnob b) {
        return new InvalidPoolConfigurationException(a.key(), "invalid configuration: " + show(a) + " " + relation
                + " " + show(b));
    }
}
