package io.sigmalang.domain.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * The one place pool settings are validated, so every knob of every pool fails the same way: an
 * {@link IllegalArgumentException} whose one-line message names the knob, says what was expected and what was
 * given, such as {@code "capacity must be between 1 and 65536, was 0"}.
 */
public final class PoolChecks {
    private PoolChecks() {
    }

    /** Returns {@code value} when {@code min <= value <= max}. */
    public static int between(String knob, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(knob + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} when {@code min <= value <= max}. */
    public static long between(String knob, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(knob + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} when {@code min <= value <= max} (and not NaN). */
    public static double between(String knob, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(knob + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is a power of two between {@code min} and {@code max}. */
    public static int powerOfTwo(String knob, int value, int min, int max) {
        if (value < min || value > max || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(
                    knob + " must be a power of two between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} when {@code min <= value <= max}. */
    public static Duration between(String knob, Duration value, Duration min, Duration max) {
        notNull(knob, value);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(knob + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is not null. */
    public static <T> T notNull(String knob, T value) {
        return Objects.requireNonNull(value, () -> knob + " must not be null");
    }
}
