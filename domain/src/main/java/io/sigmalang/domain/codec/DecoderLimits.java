package io.sigmalang.domain.codec;

/**
 * What one conversation's decoder may spend on the streams it is given. A ΣLANG stream is small, but a context
 * delta or a Σ-bank reference can stand for a tree of up to 134 MB, and the decoder keeps recent trees to resolve
 * later references: without limits, a crafted conversation of a few kilobytes could make the decoder hold or
 * produce gigabytes. A stream that would pass a limit is refused with a {@link DecoderLimitException} naming the
 * limit and its value, and the decoder stays as it was.
 *
 * <p>Sizes are counted as full-form glyph bytes: the bytes the tree takes in a full-form stream without header
 * and CRC (about its values' UTF-8 bytes plus one to four bytes per node), a measure both the encoder and decoder
 * know exactly and that follows the memory a decoded tree takes.
 *
 * @param maxHeldBytes             the bytes of decoded trees the Σ-bank and the context may hold together, as
 *                                 full forms: the bank's on the heap, the context window's in its buffers (a tree
 *                                 held by both counts twice, as both keep their own copy)
 * @param maxBankCapacity          the largest Σ-bank capacity (trees) the settings may ask for
 * @param maxContextDepth          the largest context depth (messages) the settings may ask for
 * @param maxMessageExpansion      the most full-form bytes one message may decode to per byte of its stream
 * @param maxConversationExpansion the most full-form bytes the messages decoded so far may total per byte of
 *                                 their streams
 */
public record DecoderLimits(long maxHeldBytes, int maxBankCapacity, int maxContextDepth, long maxMessageExpansion,
        long maxConversationExpansion) {

    /**
     * 384 MiB: one tree of the largest size a stream can carry (134,197,245 full-form bytes) held by both the
     * bank and the context (256 MiB), with 128 MiB to spare for the other recent messages.
     */
    public static final long DEFAULT_MAX_HELD_BYTES = 384L << 20;

    /**
     * 2^24: above the largest expansion an encoder can write (the largest tree, 134,197,245 bytes, as a
     * 12-byte Σ-bank reference stream: 11.2 million), so no stream of a real encoder is refused by it. Lower it
     * to refuse single messages that expand more.
     */
    public static final long DEFAULT_MAX_MESSAGE_EXPANSION = 1L << 24;

    /**
     * 10,000: a conversation may decode to at most 10,000 times the bytes of its streams. A conversation that
     * repeats one message by Σ-bank reference (16 container bytes each) stays below it unless that message's
     * tree is over 160 KB; a crafted 50 KB container is held to 500 MB of decoded trees.
     */
    public static final long DEFAULT_MAX_CONVERSATION_EXPANSION = 10_000;

    public DecoderLimits {
        if (maxHeldBytes < 1) {
            throw new IllegalArgumentException("maxHeldBytes " + maxHeldBytes + " is out of range (expected at least 1)");
        }
        if (maxBankCapacity < 1 || maxBankCapacity > EncoderSettings.MAX_BANK_CAPACITY) {
            throw new IllegalArgumentException("maxBankCapacity " + maxBankCapacity + " is out of range (expected 1.."
                    + EncoderSettings.MAX_BANK_CAPACITY + ")");
        }
        if (maxContextDepth < 1 || maxContextDepth > EncoderSettings.MAX_CONTEXT_DEPTH) {
            throw new IllegalArgumentException("maxContextDepth " + maxContextDepth + " is out of range (expected 1.."
                    + EncoderSettings.MAX_CONTEXT_DEPTH + ")");
        }
        if (maxMessageExpansion < 1) {
            throw new IllegalArgumentException("maxMessageExpansion " + maxMessageExpansion
                    + " is out of range (expected at least 1)");
        }
        if (maxConversationExpansion < 1) {
            throw new IllegalArgumentException("maxConversationExpansion " + maxConversationExpansion
                    + " is out of range (expected at least 1)");
        }
    }

    /** The defaults above; the bank capacity and context depth up to the format's own maxima. */
    public static DecoderLimits defaults() {
        return new DecoderLimits(DEFAULT_MAX_HELD_BYTES, EncoderSettings.MAX_BANK_CAPACITY,
                EncoderSettings.MAX_CONTEXT_DEPTH, DEFAULT_MAX_MESSAGE_EXPANSION, DEFAULT_MAX_CONVERSATION_EXPANSION);
    }

    /** The limits of a decoder, for {@link DecoderLimitException#limit()}. */
    public enum Limit {
        /** {@link DecoderLimits#maxHeldBytes()}. */
        HELD_BYTES,
        /** {@link DecoderLimits#maxBankCapacity()}. */
        BANK_CAPACITY,
        /** {@link DecoderLimits#maxContextDepth()}. */
        CONTEXT_DEPTH,
        /** {@link DecoderLimits#maxMessageExpansion()}. */
        MESSAGE_EXPANSION,
        /** {@link DecoderLimits#maxConversationExpansion()}. */
        CONVERSATION_EXPANSION
    }

    /** The value of one limit. */
    public long valueOf(Limit limit) {
        return switch (limit) {
            case HELD_BYTES -> maxHeldBytes;
            case BANK_CAPACITY -> maxBankCapacity;
            case CONTEXT_DEPTH -> maxContextDepth;
            case MESSAGE_EXPANSION -> maxMessageExpansion;
            case CONVERSATION_EXPANSION -> maxConversationExpansion;
        };
    }
}
