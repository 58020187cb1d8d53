package io.sigmalang.adapters.container;

/**
 * The layout of a sigmalang container (docs/CONTAINER.md): the streams of one or many conversations behind a
 * 12-byte header that records the encoder settings a decoder needs.
 *
 * <pre>
 * header   "SGLC", version (2; 1 still read), flags (bit 0 Σ-bank, bit 1 delta, bit 2 batch), depth, 0,
 *          Σ-bank capacity (u32)
 * version 2, then records, each a kind byte and unsigned LEB128 numbers:
 *   01 OPEN    conversation, id length, id (UTF-8)
 *   02 STREAM  conversation, back (bytes to its previous STREAM record, 0 for its first), length, stream
 *   03 END     conversation, messages, status (0 complete; 1 rejected tree, 2 pool exhausted,
 *              3 other error) [, failed message, reason length, reason]
 *   00 INDEX   conversations, then per conversation: id length, id, messages, last STREAM offset, status
 *              [, failed message, reason length, reason]
 * trailer  (the last 28 bytes) index offset (u64), STREAM records (u64), CRC-32C of the records (u32),
 *          CRC-32C of the index (u32), "SGLE"
 * version 1, then records to the end of the file: a u32 length N and N bytes of one stream.
 * </pre>
 */
public final class ContainerFormat {

    /** "SGLC": SiGmaLang Container. */
    static final byte[] MAGIC = {0x53, 0x47, 0x4C, 0x43};
    /** "SGLE": SiGmaLang container End. */
    static final byte[] END_MAGIC = {0x53, 0x47, 0x4C, 0x45};
    /** The version written. */
    static final int VERSION = 2;
    /** The version before indexes and trailers, still read. */
    static final int VERSION_1 = 1;
    static final int HEADER_BYTES = 12;
    static final int TRAILER_BYTES = 28;
    static final int FLAG_BANK = 1;
    static final int FLAG_DELTA = 2;
    /** Written by encode-batch: conversations carry ids and are decoded with them. */
    static final int FLAG_BATCH = 4;

    static final int KIND_INDEX = 0;
    static final int KIND_OPEN = 1;
    static final int KIND_STREAM = 2;
    static final int KIND_END = 3;

    static final int STATUS_COMPLETE = 0;
    /** 1, 2, 3: failed, its cause (rejected tree, pool exhausted, other error) in the order of ConversationFailure.Cause. */
    static final int STATUS_FAILED = 1;
    static final int STATUS_LAST = 3;

    /** The longest conversation id, in UTF-8 bytes. */
    public static final int MAX_ID_BYTES = 1024;
    /** The longest failure reason kept, in UTF-8 bytes (longer ones are cut at a character boundary). */
    public static final int MAX_REASON_BYTES = 4096;

    /** The smallest ΣLANG v2 stream: a 4-byte header, one 1-byte glyph, a 2-byte CRC. */
    public static final int MIN_STREAM_BYTES = 7;

    /**
     * The largest ΣLANG v2 stream: a 4-byte header, 4095 glyphs of at most 4 head bytes (head, extended id,
     * two length bytes) and 32767 payload bytes each, and a 2-byte CRC. A record claiming more is corrupt, and
     * is refused before anything is allocated for it.
     */
    public static final long MAX_STREAM_BYTES = 4 + 4095L * (4 + 32767) + 2;

    /** The smallest STREAM record: kind, three one-byte numbers, the smallest stream. */
    static final int MIN_STREAM_RECORD_BYTES = 4 + MIN_STREAM_BYTES;

    private ContainerFormat() {
    }
}
