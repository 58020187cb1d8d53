package io.sigmalang.domain.codec;

import io.sigmalang.domain.format.TreeRejectedException;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Driving port: turns the messages of one conversation, in order, into ΣLANG v2 streams.
 *
 * <p>An encoder is stateful (its Σ-bank and context follow the conversation) and not thread-safe: use one
 * per conversation and thread. A stream is only valid for a {@link Decoder} that has decoded every earlier
 * stream of the same encoder, in order. A tree that cannot be encoded exactly is rejected with
 * {@link TreeRejectedException} before anything is written, and leaves the encoder's state unchanged.
 *
 * <p>Three forms deliver the same bytes. {@link #encode(SemanticTree, StreamSink)} hands the stream to a sink
 * while it is still in the pool's buffers: nothing is copied and no array is allocated for it, so this is the
 * form for writing streams to a file, a socket or a container. {@link #encode(SemanticTree)} and
 * {@link #encode(SemanticTree, ByteBuffer)} are the copying forms: the stream is copied out of the pool's
 * buffers into a new array or the caller's buffer.
 *
 * <p>An encoder is one conversation. It may hold buffers of its pool for as long as the conversation is open;
 * {@link #close()} releases them, after which it encodes nothing more.
 */
public interface Encoder extends AutoCloseable {

    /** Encodes the next message of the conversation into a new array holding exactly one stream (copying form). */
    byte[] encode(SemanticTree tree);

    /**
     * Encodes the next message into {@code out} at its position, advancing it, and returns the number of
     * bytes written. Allocates nothing on the full-primitive path.
     *
     * @throws java.nio.BufferOverflowException when {@code out} has too little room; nothing is written and
     *     the encoder's state is unchanged, so the call can be repeated with a larger buffer
     */
    int encode(SemanticTree tree, ByteBuffer out);

    /**
     * Encodes the next message and hands the stream to {@code sink} in the pool's own buffers, before they are
     * released (no-copy form). Returns the stream's size.
     *
     * @throws IOException when the sink throws it; the buffers are released, the encoder's state is unchanged,
     *     and whatever the sink wrote before failing is the sink's to undo
     */
    int encode(SemanticTree tree, StreamSink sink) throws IOException;

    /**
     * Ends the conversation: releases the buffers the encoder holds; a later encode throws
     * {@link IllegalStateException}. Closing twice does nothing.
     */
    @Override
    void close();

    /** A snapshot of this encoder's statistics, including its pool's. */
    EncoderStats stats();
}
