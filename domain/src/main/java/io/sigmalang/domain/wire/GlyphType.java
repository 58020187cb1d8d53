package io.sigmalang.domain.wire;

/** The two type bits of a glyph's first byte. */
public enum GlyphType {
    /** A leaf node (or, with id 0x0B and no payload, the end marker of a composite). */
    PRIMITIVE,
    /** A reference to a tree held elsewhere: the Σ-bank (id 0x0A) or a codebook (ids 0x80..0xFF). */
    REFERENCE,
    /** A part of a context delta. */
    DELTA,
    /** A node with children; its children follow, closed by an end marker. */
    COMPOSITE;

    private static final GlyphType[] BY_CODE = values();

    /** The two-bit code, 0..3. */
    public int code() {
        return ordinal();
    }

    public static GlyphType ofCode(int code) {
        if (code < 0 || code > 3) {
            throw new IllegalArgumentException("glyph type code " + code + " is out of range (expected 0..3)");
        }
        return BY_CODE[code];
    }
}
