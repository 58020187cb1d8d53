package io.sigmalang.launcher.config;

import io.sigmalang.domain.pool.spi.KnobKind;
import io.sigmalang.domain.pool.spi.PoolKnob;
import java.util.Locale;

/**
 * One configuration key: its name, what values it allows, its built-in default, and how it is spelled as an
 * environment variable and a system property. The pool keys are the pool strategies' own knobs
 * ({@link PoolKnob}, declared by the domain and by each pool module); the launcher adds only
 * {@code pool.strategy} and the encoder's keys, with the same {@link KnobKind}s.
 *
 * @param key          the dotted key, such as {@code pool.buffer-size}
 * @param description  what the key does, for the documentation and {@code --help}
 * @param kind         the value kind and its range
 * @param defaultValue the built-in default, as the kind's type
 */
public record Setting(String key, String description, KnobKind kind, Object defaultValue) {

    /** The setting of a pool knob. */
    static Setting of(PoolKnob knob) {
        return new Setting(knob.key(), knob.description(), knob.kind(), knob.defaultValue());
    }

    /** The environment variable for this key: {@code SIGMALANG_} and the key in upper case, dots and dashes as {@code _}. */
    public String environmentVariable() {
        return "SIGMALANG_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The system property for this key: {@code sigmalang.} and the key. */
    public String systemProperty() {
        return "sigmalang." + key;
    }

    /** The built-in default as a source would spell it: what the documentation shows and defaults are loaded from. */
    public Object spelledDefault() {
        return kind.spell(defaultValue);
    }

    /** Converts {@code raw} from {@code origin}, or fails naming key, value, origin and what is allowed. */
    public Object convert(Object raw, String origin) {
        Object value = kind.convert(raw);
        if (value == null) {
            throw InvalidConfigException.badValue(key, raw, origin, kind.allowed());
        }
        return value;
    }
}
