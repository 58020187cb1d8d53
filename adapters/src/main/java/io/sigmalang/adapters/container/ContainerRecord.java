package io.sigmalang.adapters.container;

import io.sigmalang.domain.batch.ConversationFailure;
import java.util.Optional;

/** One record of a container as {@link ContainerReader} reads it, in file order. */
public sealed interface ContainerRecord {

    /** The conversation's number in the container (from 0). */
    int conversation();

    /** A conversation starts. */
    record Opened(int conversation, String id) implements ContainerRecord {
    }

    /**
     * Message {@code message} (from 1) of the conversation; {@code offset} is the container offset of the
     * stream's first byte.
     */
    record Stream(int conversation, long message, byte[] stream, long offset) implements ContainerRecord {
    }

    /** The conversation has ended after {@code messages} streams, complete or stopped by a failure. */
    record Ended(int conversation, String id, long messages, Optional<ConversationFailure> failure)
            implements ContainerRecord {
    }
}
