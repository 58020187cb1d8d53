package io.sigmalang.launcher.config;

import io.sigmalang.domain.pool.spi.InvalidPoolConfigurationException;

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

    /** A pool strategy's refusal, with its message unchanged. */
    public static InvalidConfigException of(InvalidPoolConfigurationException refused) {
        return new InvalidConfigException(refused.key(), refused.getMessage());
    }

    /** {@code key = value (from origin): expected allowed}. */
    public static InvalidConfigException badValue(String key, Object value, String origin, String allowed) {
        return new InvalidConfigException(key, "invalid configuration: " + key + " = " + render(value) + " (from "
                + origin + "): expected " + allowed);
    }

    /** A value or key on one line (see {@link InvalidPoolConfigurationException#show}). */
    static String render(Object value) {
        return InvalidPoolConfigurationException.show(value);
    }

    /** A key as typed, quoted and escaped when it is not a plain dotted key. */
    static String renderKey(String key) {
        return key.matches("[A-Za-z0-9._-]+") ? key : render(key);
    }

    /** The key at fault. */
    public String key() {
        return key;
    }
}
