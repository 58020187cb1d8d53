package io.sigmalang.domain.batch;

/**
 * A message that stopped its conversation: its conversation's id, its number in the conversation (from 1),
 * what kind of failure it was, and why.
 */
public record ConversationFailure(String id, long message, Cause cause, String reason) {

    /** What stopped the conversation. */
    public enum Cause {
        /** The message's tree cannot be encoded exactly (bad input data). */
        REJECTED,
        /** The pool refused a buffer at its configured bound (a configuration limit, not bad data). */
        POOL_EXHAUSTED,
        /** The JVM ran out of memory while encoding it (a resource failure, not bad data); the reason is the error's. */
        OUT_OF_MEMORY,
        /** Anything else: a defect or a resource failure while encoding. */
        ERROR
    }

    /** One line: {@code conversation "ID" message N: REASON}. */
    @Override
    public String toString() {
        return "conversation \"" + id + "\" message " + message + ": " + reason;
    }
}
