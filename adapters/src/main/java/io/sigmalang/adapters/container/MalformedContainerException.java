package io.sigmalang.adapters.container;

/**
 * A container file that cannot be read: a wrong magic, an unknown version, flag or record kind, settings out of
 * range, a size no record can have, a record cut short, an index or trailer that does not match the records.
 * Names where: the message (1-based; 0 for the header or a structure that is not a message) and the byte offset
 * in the container.
 */
public final class MalformedContainerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final long message;
    private final long offset;

    MalformedContainerException(String problem, long message, long offset) {
        this(problem, message == 0 ? "container header" : "message " + message, message, offset);
    }

    MalformedContainerException(String problem, String where, long message, long offset) {
        super(where + " at container byte " + offset + ": " + problem);
        this.problem = problem;
        this.message = message;
        this.offset = offset;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    /** The 1-based message number, or 0 when the fault is not in a message. */
    public long message() {
        return message;
    }

    /** The byte offset in the container. */
    public long offset() {
        return offset;
    }
}
