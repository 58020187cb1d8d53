package io.sigmalang.domain.codec;

import java.io.IOException;

/**
 * Where {@link Encoder#encode(io.sigmalang.domain.tree.SemanticTree, StreamSink)} delivers a stream: called once
 * per message with the stream still in the pool's buffers, so the bytes are written once, to wherever the sink
 * puts them, with no array allocated for them on the way.
 */
@FunctionalInterface
public interface StreamSink {

    /**
     * Consumes the stream; it must be finished with it when it returns (the buffers then go back to the pool).
     *
     * @throws IOException when the stream cannot be written where it goes; the encoder then releases its buffers
     *     and leaves its state as it was before the message
     */
    void accept(EncodedStream stream) throws IOException;
}
