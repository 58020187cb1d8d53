package io.sigmalang.domain.codec;

/** The form a message took, in the order the encoder tries them. */
public enum EncodingPath {
    /** One REFERENCE glyph with a learned id (0x80..0xFF) standing for the whole tree. */
    CODEBOOK,
    /** One REFERENCE glyph (id 0x0A) carrying the Σ-hash of a tree encoded before and still in the bank. */
    BANK_REFERENCE,
    /** Copies of glyph runs from a recent message plus literal glyphs, when smaller than the full form. */
    CONTEXT_DELTA,
    /** Every node as a glyph in pre-order, composites closed by end markers. */
    FULL
}
