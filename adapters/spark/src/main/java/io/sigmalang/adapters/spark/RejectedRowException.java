package io.sigmalang.adapters.spark;

/**
 * A row that could not be encoded or decoded, under fail-fast: it fails its task, and so the job. The message is
 * one line naming the conversation, the seq and the reason.
 */
public class RejectedRowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RejectedRowException(String message) {
        super(message);
    }
}
