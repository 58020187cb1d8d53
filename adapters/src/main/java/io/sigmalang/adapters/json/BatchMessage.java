package io.sigmalang.adapters.json;

import java.util.Objects;

/**
 * One message of a batch, as a line of the batch's JSON Lines gives it: the conversation it belongs to and its
 * text.
 *
 * @param conversation the conversation's id, at most
 *     {@link io.sigmalang.adapters.container.ContainerFormat#MAX_ID_BYTES} UTF-8 bytes
 * @param text the message's text
 */
public record BatchMessage(String conversation, String text) {
    /** Both parts are required. */
    public BatchMessage {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(text, "text");
    }
}
