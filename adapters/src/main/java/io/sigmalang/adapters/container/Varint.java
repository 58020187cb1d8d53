package io.sigmalang.adapters.container;

/** Unsigned LEB128 numbers, as the container writes them: seven bits a byte, least significant first. */
final class Varint {
    /** The longest encoding read: nine bytes carry 63 bits. */
    static final int MAX_BYTES = 9;

    private Varint() {
    }

    /** Writes {@code value} (not negative) at {@code at}; returns the index after it. */
    static int put(byte[] b, int at, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative number " + value);
        }
        long v = value;
        while ((v & ~0x7FL) != 0) {
            b[at++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }
}
