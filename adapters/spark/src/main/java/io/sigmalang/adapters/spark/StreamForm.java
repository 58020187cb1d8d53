package io.sigmalang.adapters.spark;

import io.sigmalang.domain.codec.EncodingPath;

/**
 * Which of the four forms a stream took, read from its first glyph as docs/FORMAT.md states it ("the first glyph
 * tells the form"): after the 4-byte header, a PRIMITIVE or COMPOSITE glyph starts the full form, a REFERENCE
 * glyph with id 0x0A a Σ-bank reference, one with an id from 0x80 a codebook reference, a DELTA glyph a context
 * delta. Only the first glyph byte (and the extended id byte after it) is read; the stream is not validated here
 * (the decoder does that).
 */
final class StreamForm {
    private static final int HEADER_BYTES = 4;
    private static final int REFERENCE = 0b01;
    private static final int DELTA = 0b10;
    private static final int EXTENDED_ID = 0b11111;
    private static final int BANK_REFERENCE_ID = 0x0A;
    private static final int FIRST_LEARNED_ID = 0x80;

    private StreamForm() {
    }

    /**
     * The form of {@code stream}.
     *
     * @throws IllegalArgumentException when the stream is too short to hold a header and a glyph, or starts with
     *     a REFERENCE glyph of an id the format does not use
     */
    static EncodingPath of(byte[] stream) {
        if (stream.length <= HEADER_BYTES) {
            throw new IllegalArgumentException("a stream of " + stream.length + " bytes has no glyph (expected a "
                    + HEADER_BYTES + "-byte header, then glyphs)");
        }
        int glyph = stream[HEADER_BYTES] & 0xFF;
        int type = glyph >>> 6;
        if (type == DELTA) {
            return EncodingPath.CONTEXT_DELTA;
        }
        if (type != REFERENCE) {
            return EncodingPath.FULL;
        }
        int id = glyph & EXTENDED_ID;
        if (id == EXTENDED_ID) {
            if (stream.length <= HEADER_BYTES + 1) {
                throw new IllegalArgumentException("a stream ends inside its first glyph's extended id");
            }
            id = stream[HEADER_BYTES + 1] & 0xFF;
        }
        if (id == BANK_REFERENCE_ID) {
            return EncodingPath.BANK_REFERENCE;
        }
        if (id >= FIRST_LEARNED_ID) {
            return EncodingPath.CODEBOOK;
        }
        throw new IllegalArgumentException("a stream starts with a REFERENCE glyph of id " + id
                + " (expected 0x0A, a Σ-bank reference, or 0x80..0xFF, a codebook reference)");
    }
}
