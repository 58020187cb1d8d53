package io.sigmalang.domain.batch;

/**
 * A message that stopped its conversation: its conversation's id, its number in the conversation (from 1),
 * and why it could not be encoded.
 */
public record ConversationFailure(String id, long message, String reason) {

    /** One line: {@code conversation "ID" message N: REASON}. */
    @Override
    public String toString() {
        return "conversation \"" + id + "\" message " + message + ": " + reason;
    }
}
