package io.sigmalang.domain.format;

/**
 * The one exception a ΣLANG reader raises for bad input: what is wrong and at which byte offset of the
 * stream (counted from the stream's first byte).
 *
 * <p>Not final: {@code io.sigmalang.domain.codec.DecoderLimitException} is the one subclass, a well-formed stream
 * that a decoder refuses because resolving it would pass one of its resource limits. Every reader that refuses a
 * malformed stream refuses that one the same way.
 */
public class MalformedStreamException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final long offset;

    public MalformedStreamException(String problem, long offset) {
        super(problem + " at byte offset " + offset);
        this.problem = problem;
        this.offset = offset;
    }

    /** What is wrong, without the offset. */
    public String problem() {
        return problem;
    }

    /** The byte offset where the problem was found. */
    public long offset() {
        return offset;
    }
}
