package io.sigmalang.domain.pool.spi;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What values a {@link PoolKnob} allows, and how a raw value from any source (a string from a map, the
 * environment or a command line; a number or boolean from a configuration file) becomes the typed value. The
 * one place a knob's rule and bounds are written: configuration, documentation and error messages all read them
 * from here.
 */
public sealed interface KnobKind {

    /** The typed value, or {@code null} when {@code raw} is not allowed. */
    Object convert(Object raw);

    /** What is allowed, for error messages: "an integer 1..65536". */
    String allowed();

    /** {@code value}, a converted value of this kind, as a source would spell it ({@code 30s}, {@code none}). */
    default Object spell(Object value) {
        return value;
    }

    /** A whole number in {@code min..max}. */
    record Whole(int min, int max) implements KnobKind {
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
    record Decimal(double min, boolean minIncluded, double max, boolean maxIncluded) implements KnobKind {
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
    record Flag() implements KnobKind {
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
    record Choice(List<String> choices) implements KnobKind {
        public Choice {
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

    /**
     * A length of time with its unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}), or
     * {@code 0}, in {@code min..max}. A bare number other than 0 is refused rather than guessed at.
     */
    record Span(Duration min, Duration max) implements KnobKind {
        private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

        @Override
        public Object convert(Object raw) {
            Duration value;
            if (raw instanceof Number n && !(raw instanceof Double) && n.longValue() == 0) {
                value = Duration.ZERO;
            } else if (raw instanceof String s) {
                value = parse(s.strip());
            } else {
                return null;
            }
            return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0 ? value : null;
        }

        private static Duration parse(String s) {
            if (s.equals("0")) {
                return Duration.ZERO;
            }
            Matcher m = FORM.matcher(s);
            if (!m.matches()) {
                return null;
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }

        @Override
        public String allowed() {
            String unit = "a duration with its unit (ms, s, m, h or d)";
            return min.isZero()
                    ? "0 or " + unit + " up to " + format(max)
                    : unit + " from " + format(min) + " to " + format(max);
        }

        @Override
        public Object spell(Object value) {
            return format((Duration) value);
        }

        /** {@code d} in the largest unit that divides it exactly: {@code 30s}, {@code 1500ms}, {@code 0}. */
        public static String format(Duration d) {
            if (d.isZero()) {
                return "0";
            }
            long ms = d.toMillis();
            long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
            String[] units = {"d", "h", "m", "s"};
            for (int i = 0; i < sizes.length; i++) {
                if (ms % sizes[i] == 0) {
                    return ms / sizes[i] + units[i];
                }
            }
            return ms + "ms";
        }
    }

    /**
     * A number of bytes, plain or with a binary unit ({@code 65536}, {@code 64KiB}, {@code 256MiB}, {@code 1GiB}),
     * at least {@code min}; or {@code none} for no limit ({@link #NONE}).
     */
    record Bytes(long min) implements KnobKind {
        /** The value of {@code none}: no limit, as {@code PoolBound.none()} spells it. */
        public static final long NONE = Long.MAX_VALUE;
        private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\s*(B|KiB|MiB|GiB|TiB)?");
        private static final String[] UNITS = {"TiB", "GiB", "MiB", "KiB"};

        @Override
        public Object convert(Object raw) {
            long value;
            if (raw instanceof Integer || raw instanceof Long) {
                value = ((Number) raw).longValue();
            } else if (raw instanceof String s && s.strip().equals("none")) {
                return NONE;
            } else if (raw instanceof String s && FORM.matcher(s.strip()).matches()) {
                Matcher m = FORM.matcher(s.strip());
                m.matches();
                int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
                    case "KiB" -> 10;
                    case "MiB" -> 20;
                    case "GiB" -> 30;
                    case "TiB" -> 40;
                    default -> 0;
                };
                long amount = Long.parseLong(m.group(1));
                if (amount > (Long.MAX_VALUE - 1) >> shift) {
                    return null;
                }
                value = amount << shift;
            } else {
                return null;
            }
            return value >= min && value < NONE ? value : null;
        }

        @Override
        public String allowed() {
            return "none, or a number of bytes of at least " + min + ", plain or with a unit (KiB, MiB, GiB, TiB)";
        }

        @Override
        public Object spell(Object value) {
            return format((Long) value);
        }

        /** {@code none}, or the bytes in the largest binary unit that divides them exactly. */
        public static String format(long bytes) {
            if (bytes == NONE) {
                return "none";
            }
            for (int i = 0; i < UNITS.length; i++) {
                int shift = 40 - 10 * i;
                if (bytes != 0 && bytes % (1L << shift) == 0) {
                    return (bytes >> shift) + UNITS[i];
                }
            }
            return Long.toString(bytes);
        }
    }

    /** A strategy name, checked later against the strategies installed. */
    record Name() implements KnobKind {
        @Override
        public Object convert(Object raw) {
            return raw instanceof String s && s.strip().matches("[a-z][a-z0-9-]*") ? s.strip() : null;
        }

        @Override
        public String allowed() {
            return "a strategy name (lower-case letters, digits and dashes)";
        }
    }
}
