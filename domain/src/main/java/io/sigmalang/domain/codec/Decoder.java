package io.sigmalang.domain.codec;

import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.ByteBuffer;

/**
 * Decodes the streams of one conversation, in the order they were encoded, resolving Σ-bank references,
 * codebook references and context deltas from the state it rebuilds itself. Not thread-safe.
 *
 * <p>Any malformed, corrupt or out-of-sequence stream raises {@link MalformedStreamException} and leaves the
 * decoder's state unchanged.
 */
public interface Decoder extends AutoCloseable {

    /** Decodes exactly the bytes from position to limit of {@code stream} (one whole stream). */
    SemanticTree decode(ByteBuffer stream);

    /** Decodes one whole stream. */
    default SemanticTree decode(byte[] stream) {
        return decode(ByteBuffer.wrap(stream));
    }

    /**
     * Ends the conversation: the decoder drops what it holds (its Σ-bank and context) and decodes nothing more.
     * A decoder whose context window is in buffers leased from a pool gives them back here
     * ({@link SigmaDecoder#SigmaDecoder(EncoderSettings, DecoderLimits, io.sigmalang.domain.pool.BufferPool)});
     * the default holds nothing that needs releasing.
     */
    @Override
    default void close() {
    }
}
