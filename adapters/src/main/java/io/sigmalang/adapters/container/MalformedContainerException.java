package io.sigmalang.adapters.container;

/**
 * A container file that cannot be read: a wrong magic, an unknown version or flag, settings out of range, a
 * record length that no stream can have, or a record cut short. Names the message (1-based; 0 for the
 * header) and the byte offset in the container where the problem lies.
 */
public final class MalformedContainerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final long message;
    private final long offset;

    MalformedContainerException(String problem, long message, long offset) {
        super((message == 0 ? "container header" : "message " + message) + " at container byte " + offset + ": "
                + problem);
        this.problem = problem;
        this.message = message;
        this.offset = offset;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    /** The 1-based message number, or 0 when the header is at fault. */
    public long message() {
        return message;
    }

    /** The byte offset in the container. */
    public long offset() {
        return offset;
    }
}
