package io.sigmalang.domain.wire;

/** The numbers that shape a ΣLANG v2 stream. */
public final class Glyphs {
    /** Bytes of the stream header. */
    public static final int HEADER_BYTES = 4;
    /** Bytes of the CRC that ends every stream. */
    public static final int CRC_BYTES = 2;
    /** The most glyphs one stream can count (12-bit field). */
    public static final int MAX_GLYPHS = 4095;
    /** The longest payload the two-byte length form can express. */
    public static final int MAX_PAYLOAD = 32767;
    /** The largest id stored directly in the five id bits; 31 is the escape. */
    public static final int MAX_INLINE_ID = 30;
    /** The id whose PRIMITIVE glyph without payload, the single byte {@code 0b}, closes a composite. */
    public static final int END_MARKER_ID = 0x0B;
    /** The one byte of an end marker. */
    public static final int END_MARKER_BYTE = 0x0B;
    /** Header version written and accepted. */
    public static final int VERSION = 1;

    private Glyphs() {
    }

    /** Bytes of a glyph with this id and payload length ({@code -1}: no payload), payload included. */
    public static int glyphLength(int id, int payloadLength) {
        int n = id > MAX_INLINE_ID ? 2 : 1;
        if (payloadLength >= 0) {
            n += (payloadLength > 127 ? 2 : 1) + payloadLength;
        }
        return n;
    }

    /**
     * Writes a glyph's head: type, payload flag, id (escaped above 30) and, when {@code payloadLength >= 0},
     * the length prefix. The caller writes the payload bytes next.
     */
    public static void writeHead(ByteSink out, GlyphType type, int id, int payloadLength) {
        if (id < 0 || id > 255) {
            throw new IllegalArgumentException("glyph id " + id + " is out of range (expected 0..255)");
        }
        if (payloadLength > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "payload of " + payloadLength + " bytes is too long (expected at most " + MAX_PAYLOAD + ")");
        }
        int first = type.code() << 6 | (payloadLength >= 0 ? 0x20 : 0);
        if (id > MAX_INLINE_ID) {
            out.write(first | 0x1F);
            out.write(id);
        } else {
            out.write(first | id);
        }
        if (payloadLength > 127) {
            out.write(0x80 | payloadLength >>> 8);
            out.write(payloadLength & 0xFF);
        } else if (payloadLength >= 0) {
            out.write(payloadLength);
        }
    }

    /** Writes a whole glyph; {@code payload == null} means no payload (distinct from an empty one). */
    public static void write(ByteSink out, GlyphType type, int id, byte[] payload) {
        writeHead(out, type, id, payload == null ? -1 : payload.length);
        if (payload != null) {
            for (byte b : payload) {
                out.write(b);
            }
        }
    }

    /** The 32-bit header: version, flags, context id, glyph count. */
    public static int header(int version, int flags, int contextId, int glyphCount) {
        if (version < 0 || version > 3 || flags < 0 || flags > 63 || contextId < 0 || contextId > 4095
                || glyphCount < 0 || glyphCount > MAX_GLYPHS) {
            throw new IllegalArgumentException("header field out of range: version " + version + ", flags " + flags
                    + ", context " + contextId + ", count " + glyphCount);
        }
        return version << 30 | flags << 24 | contextId << 12 | glyphCount;
    }
}
