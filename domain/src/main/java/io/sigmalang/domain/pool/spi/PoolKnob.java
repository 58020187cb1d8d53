package io.sigmalang.domain.pool.spi;

import io.sigmalang.domain.pool.PoolChecks;

/**
 * One configuration key of a pool: its full dotted name ({@code pool.capacity},
 * {@code pool.adaptive.min-capacity}), what it does, what it allows and its default. The common knobs are
 * {@link CommonKnobs}; a strategy declares its own in {@link PoolStrategyProvider#knobs()}, under
 * {@code pool.<strategy>.}.
 *
 * @param key          the dotted key: lower-case words, digits and dashes between dots
 * @param description  what the key does, one line, for documentation and help
 * @param kind         the values it allows (one rule, one set of bounds)
 * @param defaultValue the default, as {@code kind}'s typed value
 */
public record PoolKnob(String key, String description, KnobKind kind, Object defaultValue) {

    public PoolKnob {
        PoolChecks.notNull("knob key", key);
        if (!key.matches("pool(\\.[a-z][a-z0-9-]*)+")) {
            throw new IllegalArgumentException("a knob key is pool. and dotted lower-case words, was " + key);
        }
        PoolChecks.notNull("knob description", description);
        PoolChecks.notNull("knob kind", kind);
        if (kind.convert(kind.spell(PoolChecks.notNull("knob default", defaultValue))) == null) {
            throw new IllegalArgumentException("the default of " + key + " (" + defaultValue + ") is not "
                    + kind.allowed());
        }
    }

    /** The default as a source would spell it: what the documentation shows. */
    public Object spelledDefault() {
        return kind.spell(defaultValue);
    }

    /**
     * Converts {@code raw} from {@code origin}.
     *
     * @throws InvalidPoolConfigurationException naming key, value, origin and what is allowed
     */
    public Object convert(Object raw, String origin) {
        Object value = kind.convert(raw);
        if (value == null) {
            throw InvalidPoolConfigurationException.badValue(key, raw, origin, kind.allowed());
        }
        return value;
    }
}
