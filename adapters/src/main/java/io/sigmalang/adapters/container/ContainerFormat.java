package io.sigmalang.adapters.container;

/**
 * The layout of a sigmalang container (docs/CONTAINER.md): the streams of one conversation, in order, behind a
 * 12-byte header that records the encoder settings a decoder needs.
 *
 * <pre>
 * offset size field
 *  0      4   magic, ASCII "SGLC" (53 47 4c 43)
 *  4      1   container version, 1
 *  5      1   flags: bit 0 Σ-bank on, bit 1 context delta on; bits 2..7 are 0
 *  6      1   context depth, 1..16
 *  7      1   reserved, 0
 *  8      4   Σ-bank capacity, unsigned big-endian, 1..65536
 * 12      ..  records: a 4-byte unsigned big-endian length N, then N bytes holding one ΣLANG v2 stream
 * </pre>
 */
public final class ContainerFormat {

    /** "SGLC": SiGmaLang Container. */
    static final byte[] MAGIC = {0x53, 0x47, 0x4C, 0x43};
    static final int VERSION = 1;
    static final int HEADER_BYTES = 12;
    static final int FLAG_BANK = 1;
    static final int FLAG_DELTA = 2;

    /** The smallest ΣLANG v2 stream: a 4-byte header, one 1-byte glyph, a 2-byte CRC. */
    public static final int MIN_STREAM_BYTES = 7;

    /**
     * The largest ΣLANG v2 stream: a 4-byte header, 4095 glyphs of at most 4 head bytes (head, extended id,
     * two length bytes) and 32767 payload bytes each, and a 2-byte CRC. A record claiming more is corrupt, and
     * is refused before anything is allocated for it.
     */
    public static final long MAX_STREAM_BYTES = 4 + 4095L * (4 + 32767) + 2;

    private ContainerFormat() {
    }
}
