package io.sigmalang.domain.wire;

import java.nio.ByteBuffer;

/**
 * CRC-16/IBM-3740 (also called CRC-16/CCITT-FALSE): polynomial 0x1021, initial value 0xFFFF, most significant
 * bit first, no reflection, no final XOR. The CRC of {@code "123456789"} is 0x29B1.
 */
public final class Crc16 {
    /** The CRC of no bytes. */
    public static final int INITIAL = 0xFFFF;

    private static final char[] TABLE = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = (char) crc;
        }
    }

    private Crc16() {
    }

    /** Continues {@code crc} over one byte. */
    public static int update(int crc, int b) {
        return ((crc << 8) ^ TABLE[((crc >>> 8) ^ b) & 0xFF]) & 0xFFFF;
    }

    /** The CRC of {@code length} bytes of {@code data} from {@code offset}. */
    public static int of(byte[] data, int offset, int length) {
        int crc = INITIAL;
        for (int i = offset; i < offset + length; i++) {
            crc = update(crc, data[i]);
        }
        return crc;
    }

    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }

    /** The CRC of the bytes at absolute indexes {@code from} (inclusive) to {@code to} (exclusive). */
    public static int of(ByteBuffer data, int from, int to) {
        int crc = INITIAL;
        for (int i = from; i < to; i++) {
            crc = update(crc, data.get(i));
        }
        return crc;
    }
}
