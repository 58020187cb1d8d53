package io.sigmalang.domain.wire;

import io.sigmalang.domain.format.MalformedStreamException;
import java.nio.ByteBuffer;

/**
 * The frame of one stream, checked: at least 6 bytes, a matching CRC, version 1, no flags set, a non-zero
 * glyph count. The glyphs themselves are read afterwards from {@code [glyphsFrom, glyphsEnd)}.
 *
 * @param contextId  the header's 12-bit context field (this implementation: the message's sequence number
 *                   in its conversation, modulo 4096)
 * @param glyphCount the header's glyph count, 1..4095
 * @param glyphsFrom absolute index of the first glyph byte
 * @param glyphsEnd  absolute index of the first CRC byte
 * @param base       absolute index of the stream's first byte
 */
public record StreamFrame(int contextId, int glyphCount, int glyphsFrom, int glyphsEnd, int base) {

    /** Checks the frame of the stream held from {@code in.position()} to {@code in.limit()}. */
    public static StreamFrame read(ByteBuffer in) {
        int base = in.position();
        int end = in.limit();
        int length = end - base;
        if (length < Glyphs.HEADER_BYTES + Glyphs.CRC_BYTES) {
            throw new MalformedStreamException("stream of " + length + " bytes is shorter than the "
                    + (Glyphs.HEADER_BYTES + Glyphs.CRC_BYTES) + " bytes of header and CRC", length);
        }
        int crcAt = end - Glyphs.CRC_BYTES;
        int stored = (in.get(crcAt) & 0xFF) << 8 | (in.get(crcAt + 1) & 0xFF);
        int computed = Crc16.of(in, base, crcAt);
        if (stored != computed) {
            throw new MalformedStreamException(String.format("CRC mismatch: stored 0x%04x, computed 0x%04x over the"
                    + " %d bytes before it", stored, computed, crcAt - base), crcAt - base);
        }
        int header = in.getInt(base);
        int version = header >>> 30;
        int flags = header >>> 24 & 0x3F;
        int contextId = header >>> 12 & 0xFFF;
        int count = header & 0xFFF;
        if (version != Glyphs.VERSION) {
            throw new MalformedStreamException("unsupported version " + version + " (this reader reads version "
                    + Glyphs.VERSION + ")", 0);
        }
        if (flags != 0) {
            throw new MalformedStreamException(String.format("unknown header flags 0x%02x (none are defined)", flags),
                    0);
        }
        if (count == 0) {
            throw new MalformedStreamException("glyph count of zero: a stream holds one tree", 0);
        }
        return new StreamFrame(contextId, count, base + Glyphs.HEADER_BYTES, crcAt, base);
    }
}
