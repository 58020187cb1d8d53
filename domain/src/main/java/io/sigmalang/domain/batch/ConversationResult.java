package io.sigmalang.domain.batch;

import java.util.Optional;

/**
 * How one conversation of a batch ended.
 *
 * @param conversation the conversation's number in the batch
 * @param id           its id in the input
 * @param messages     messages encoded and handed to the output
 * @param dropped      messages received after a failure, not encoded
 * @param failure      what stopped it, or empty when every message was encoded
 */
public record ConversationResult(int conversation, String id, long messages, long dropped,
        Optional<ConversationFailure> failure) {
}
