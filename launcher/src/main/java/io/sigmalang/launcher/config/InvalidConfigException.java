package io.sigmalang.launcher.config;

/**
 * A configuration value that cannot be used: an unknown key, a value of the wrong kind or out of range, an
 * unknown strategy. The message is one line naming the key, the value, where it came from and what is allowed.
 */
public final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public InvalidConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** {@code key = value (from origin): expected allowed}. */
    public static InvalidConfigException badValue(String key, Object value, String origin, String allowed) {
        return new InvalidConfigException(key, "invalid configuration: " + key + " = " + render(value) + " (from "
                + origin + "): expected " + allowed);
    }

    static String render(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /** The key at fault. */
    public String key() {
        return key;
    }
}
