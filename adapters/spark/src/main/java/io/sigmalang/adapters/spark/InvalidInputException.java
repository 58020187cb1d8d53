package io.sigmalang.adapters.spark;

/**
 * Input the Spark jobs cannot use as a whole: a column missing or of a type that cannot be read as the one
 * expected, a path that holds no data. The message is one line: what is wrong, where, and what is allowed. (A
 * single bad row is not this: it becomes a rejected row, or fails the job under fail-fast.)
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
