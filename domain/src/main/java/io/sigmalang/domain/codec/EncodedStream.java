package io.sigmalang.domain.codec;

import java.nio.ByteBuffer;

/**
 * One encoded stream as it lies in the buffers leased from the encoder's pool, handed to a {@link StreamSink}
 * before those buffers go back to the pool. The stream is the concatenation of {@link #chunk}{@code (0)} to
 * {@code chunk(chunkCount() - 1)}, each from its position to its limit. Valid only during
 * {@link StreamSink#accept}: the buffers are the pool's, not copies, so keep no reference to them and do not
 * write into them. Reading a chunk through its relative methods advances its position.
 */
public interface EncodedStream {

    /** Bytes in the whole stream. */
    int size();

    /** Buffers the stream spans: one when the stream fits in one pool buffer. */
    int chunkCount();

    /** The bytes of the stream held in chunk {@code index}, between its position and its limit. */
    ByteBuffer chunk(int index);
}
