package io.sigmalang.launcher.config;

import java.util.List;
import java.util.Locale;

/**
 * One configuration key: its name, what values it allows, its built-in default, and how it is spelled as an
 * environment variable and a system property. {@link #convert} turns a raw value from any source (a string
 * from the environment, a number or boolean from a file) into the typed value, or says what was expected.
 *
 * @param key         the dotted key, such as {@code pool.buffer-size}
 * @param description what the key does, for the documentation and {@code --help}
 * @param kind        the value kind and its range
 * @param defaultValue the built-in default, as the kind's type
 */
public record Setting(String key, String description, Kind kind, Object defaultValue) {

    /** A value kind: converts raw values and says what it allows. */
    public sealed interface Kind {
        /** The typed value, or {@code null} when {@code raw} is not allowed. */
        Object convert(Object raw);

        /** What is allowed, for error messages: "an integer 1..65536". */
        String allowed();
    }

    /** A whole number in {@code min..max}. */
    public record IntKind(int min, int max) implements Kind {
        @Override
        public Object convert(Object raw) {
            long value;
            if (raw instanceof Integer || raw instanceof Long) {
                value = ((Number) raw).longValue();
            } else if (raw instanceof String s && s.strip().matches("[+-]?\\d{1,18}")) {
                value = Long.parseLong(s.strip());
            } else {
                return null;
            }
            return value >= min && value <= max ? (int) value : null;
        }

        @Override
        public String allowed() {
            return "an integer " + min + ".." + max;
        }
    }

    /** A decimal number in {@code min..max}, each end included or not. */
    public record DecimalKind(double min, boolean minIncluded, double max, boolean maxIncluded) implements Kind {
        @Override
        public Object convert(Object raw) {
            double value;
            if (raw instanceof Number n) {
                value = n.doubleValue();
            } else if (raw instanceof String s && s.strip().matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                value = Double.parseDouble(s.strip());
            } else {
                return null;
            }
            boolean aboveMin = minIncluded ? value >= min : value > min;
            boolean belowMax = maxIncluded ? value <= max : value < max;
            return aboveMin && belowMax && Double.isFinite(value) ? value : null;
        }

        @Override
        public String allowed() {
            return "a number " + (minIncluded ? "from " : "above ") + min + (maxIncluded ? " to " : " and below ") + max;
        }
    }

    /** true or false (also on/off, yes/no). */
    public record BooleanKind() implements Kind {
        @Override
        public Object convert(Object raw) {
            if (raw instanceof Boolean b) {
                return b;
            }
            if (raw instanceof String s) {
                return switch (s.strip().toLowerCase(Locale.ROOT)) {
                    case "true", "on", "yes" -> Boolean.TRUE;
                    case "false", "off", "no" -> Boolean.FALSE;
                    default -> null;
                };
            }
            return null;
        }

        @Override
        public String allowed() {
            return "true or false";
        }
    }

    /** One of a fixed list of words, given in lower case. */
    public record ChoiceKind(List<String> choices) implements Kind {
        public ChoiceKind {
            choices = List.copyOf(choices);
        }

        @Override
        public Object convert(Object raw) {
            return raw instanceof String s && choices.contains(s.strip()) ? s.strip() : null;
        }

        @Override
        public String allowed() {
            return "one of " + String.join(", ", choices);
        }
    }

    /** A name checked later against what is installed (the pool strategies bound in the injector). */
    public record NameKind() implements Kind {
        @Override
        public Object convert(Object raw) {
            return raw instanceof String s && s.strip().matches("[a-z][a-z0-9-]*") ? s.strip() : null;
        }

        @Override
        public String allowed() {
            return "a strategy name (lower-case letters, digits and dashes)";
        }
    }

    /** The environment variable for this key: {@code SIGMALANG_} and the key in upper case, dots and dashes as {@code _}. */
    public String environmentVariable() {
        return "SIGMALANG_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The system property for this key: {@code sigmalang.} and the key. */
    public String systemProperty() {
        return "sigmalang." + key;
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
