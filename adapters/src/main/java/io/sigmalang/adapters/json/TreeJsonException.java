package io.sigmalang.adapters.json;

/**
 * Tree JSON that is not a valid tree: malformed JSON, an unknown field, a wrong type, an empty
 * {@code children} array, a primitive out of range, nesting past the limit. The message says what is wrong
 * and where (line, column and the node's path from the root, such as {@code root/2/0}).
 */
public final class TreeJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;

    TreeJsonException(String message, long line, long column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line of the problem, or -1 when unknown. */
    public long line() {
        return line;
    }

    /** The 1-based column of the problem, or -1 when unknown. */
    public long column() {
        return column;
    }
}
