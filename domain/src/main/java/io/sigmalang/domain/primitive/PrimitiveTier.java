package io.sigmalang.domain.primitive;

/** The three tiers of the 256 primitive ids. */
public enum PrimitiveTier {
    /** 0x00..0x0F: what exists and how things relate. */
    EXISTENTIAL(0x00, 0x0F),
    /** 0x10..0x7F: fixed domain vocabularies (code, math, logic, ...). */
    DOMAIN(0x10, 0x7F),
    /** 0x80..0xFF: learned patterns (codebook ids). */
    LEARNED(0x80, 0xFF);

    private final int first;
    private final int last;

    PrimitiveTier(int first, int last) {
        this.first = first;
        this.last = last;
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    public static PrimitiveTier of(int id) {
        if (id < 0 || id > 255) {
            throw new IllegalArgumentException("primitive id " + id + " is out of range (expected 0..255)");
        }
        return id <= 0x0F ? EXISTENTIAL : id <= 0x7F ? DOMAIN : LEARNED;
    }
}
