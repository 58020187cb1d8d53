package io.sigmalang.adapters.spark;

/**
 * A configuration the Spark jobs cannot use. The message is one line, as the CLI's: the key, its value, where it
 * came from and what is allowed.
 */
public class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
