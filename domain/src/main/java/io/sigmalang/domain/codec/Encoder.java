package io.sigmalang.domain.codec;

import io.sigmalang.domain.format.TreeRejectedException;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.ByteBuffer;

/**
 * Driving port: turns the messages of one conversation, in order, into ΣLANG v2 streams.
 *
 * <p>An encoder is stateful (its Σ-bank and context follow the conversation) and not thread-safe: use one
 * per conversation and thread. A stream is only valid for a {@link Decoder} that has decoded every earlier
 * stream of the same encoder, in order. A tree that cannot be encoded exactly is rejected with
 * {@link TreeRejectedException} before anything is written, and leaves the encoder's state unchanged.
 */
public interface Encoder {

    /** Encodes the next message of the conversation into a new array holding exactly one stream. */
    byte[] encode(SemanticTree tree);

    /**
     * Encodes the next message into {@code out} at its position, advancing it, and returns the number of
     * bytes written. Allocates nothing on the full-primitive path.
     *
     * @throws java.nio.BufferOverflowException when {@code out} has too little room; nothing is written and
     *     the encoder's state is unchanged, so the call can be repeated with a larger buffer
     */
    int encode(SemanticTree tree, ByteBuffer out);

    /** A snapshot of this encoder's statistics, including its pool's. */
    EncoderStats stats();
}
