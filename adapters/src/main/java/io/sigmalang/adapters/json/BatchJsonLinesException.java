package io.sigmalang.adapters.json;

/**
 * A line of batch JSON Lines that is not a message: not UTF-8, longer than the longest line read, not a JSON
 * object, a required field missing, not a string or given twice, text that is not Unicode (an unpaired
 * surrogate), a conversation id too long. The message is one line: the input's name, the line number, what is
 * wrong and what is expected.
 */
public final class BatchJsonLinesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long line;

    BatchJsonLinesException(String message, long line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    /** The 1-based number of the line that is wrong. */
    public long line() {
        return line;
    }
}
