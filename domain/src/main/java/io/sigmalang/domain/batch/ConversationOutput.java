package io.sigmalang.domain.batch;

import io.sigmalang.domain.codec.EncodedStream;
import java.io.IOException;

/**
 * Driven port: where a {@link BatchEncoder} puts what it encodes, such as a multi-conversation container.
 *
 * <p>The batch calls these methods one at a time (never concurrently), from its worker threads. For each
 * conversation: {@link #opened} first, then its streams in message order, then {@link #ended}. Streams of
 * different conversations interleave. An {@link IOException} from any method stops the whole batch: the
 * output is then broken, and {@link BatchEncoder#finish()} rethrows it.
 */
public interface ConversationOutput {

    /**
     * A conversation starts. {@code conversation} numbers the conversations of the batch from 0 in the order
     * they start; an id whose conversation was ended for idleness starts a new one, under a new number.
     */
    void opened(int conversation, String id) throws IOException;

    /** Message {@code message} (from 1) of the conversation, in the pool's buffers: consume it before returning. */
    void stream(int conversation, long message, EncodedStream stream) throws IOException;

    /** The conversation has ended: complete, or stopped by a failure. */
    void ended(int conversation, ConversationResult result) throws IOException;
}
