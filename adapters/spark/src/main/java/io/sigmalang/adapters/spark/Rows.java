package io.sigmalang.adapters.spark;

/** Small helpers for the one-line messages that name a row. */
final class Rows {
    private static final int LONGEST_SHOWN = 60;

    private Rows() {
    }

    /** {@code id} in quotes, control characters escaped, cut after 60 characters; {@code null} as such. */
    static String quote(String id) {
        if (id == null) {
            return "null";
        }
        String cut = id.length() > LONGEST_SHOWN ? id.substring(0, LONGEST_SHOWN) : id;
        StringBuilder out = new StringBuilder("\"");
        cut.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        out.append('"');
        if (cut.length() < id.length()) {
            out.append("… (").append(id.length()).append(" characters)");
        }
        return out.toString();
    }
}
