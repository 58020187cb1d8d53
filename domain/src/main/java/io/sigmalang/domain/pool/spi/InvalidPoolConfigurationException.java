package io.sigmalang.domain.pool.spi;

import java.util.List;
import java.util.Map;

/**
 * A pool configuration that cannot be used: a value of the wrong kind or out of range, two values that do not
 * go together, an unknown key or strategy, a footprint beyond {@link CommonKnobs#MAX_FOOTPRINT_BYTES}. The
 * message is one line naming the key or keys, their values (escaped, so that the message stays one line),
 * where they came from, and what is allowed.
 */
public class InvalidPoolConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static final int LONGEST_SHOWN = 60;

    private final String key;

    public InvalidPoolConfigurationException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The key at fault (the first one, when two do not go together). */
    public String key() {
        return key;
    }

    /** {@code key = value (from origin): expected allowed}. */
    static InvalidPoolConfigurationException badValue(String key, Object value, String origin, String allowed) {
        return new InvalidPoolConfigurationException(key, "invalid configuration: " + key + " = " + show(value)
                + " (from " + origin + "): expected " + allowed);
    }

    /**
     * A value as a message shows it, on one line: a string in quotes with its control characters escaped
     * ({@code \n}, {@code \t}, {@code \u0007}) and cut after 60 characters; a list or an object named as such,
     * since a key that wants one value cannot take either.
     */
    public static String show(Object value) {
        if (value instanceof String s) {
            String cut = s.length() > LONGEST_SHOWN ? s.substring(0, LONGEST_SHOWN) : s;
            StringBuilder out = new StringBuilder("\"");
            cut.codePoints().forEach(c -> out.append(switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                default -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                        ? String.format("\\u%04x", c) : Character.toString(c);
            }));
            out.append('"');
            if (cut.length() < s.length()) {
                out.append("… (").append(s.length()).append(" characters)");
            }
            return (s.contains("\n") || s.contains("\r") ? "a multi-line text " : "") + out;
        }
        if (value instanceof List<?> list) {
            return "a list of " + list.size() + (list.size() == 1 ? " value " : " values ") + oneLine(list.toString());
        }
        if (value instanceof Map<?, ?> map) {
            return "an object with " + map.size() + (map.size() == 1 ? " key " : " keys ")
                    + oneLine(String.valueOf(map.keySet()));
        }
        return oneLine(String.valueOf(value));
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > LONGEST_SHOWN ? flat.substring(0, LONGEST_SHOWN) + "…" : flat;
    }
}
