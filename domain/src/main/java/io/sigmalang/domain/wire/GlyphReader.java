package io.sigmalang.domain.wire;

import io.sigmalang.domain.format.MalformedStreamException;
import java.nio.ByteBuffer;

/**
 * Reads glyphs one after another from a region of a buffer, strictly: every length is checked against the
 * bytes present before anything is read or allocated, and only the canonical form is accepted (the direct id
 * form for ids up to 30, the one-byte length form for lengths up to 127), so every tree has exactly one
 * encoding. Errors are {@link MalformedStreamException}s with offsets counted from {@code base}.
 *
 * <p>A reader is a cursor: after {@link #next()}, {@link #type()}, {@link #id()}, {@link #payloadOffset()}
 * and {@link #payloadLength()} describe the glyph just read.
 */
public final class GlyphReader {
    private final ByteBuffer in;
    private final int end;
    private final int base;
    private int position;
    private int start;
    private GlyphType type;
    private int id;
    private int payloadOffset;
    private int payloadLength;

    /**
     * @param in   the bytes (read with absolute indexes; its position is not used or changed)
     * @param from absolute index of the first glyph
     * @param end  absolute index just past the last glyph byte
     * @param base absolute index of the stream's first byte, for error offsets
     */
    public GlyphReader(ByteBuffer in, int from, int end, int base) {
        this.in = in;
        this.position = from;
        this.end = end;
        this.base = base;
    }

    public boolean hasMore() {
        return position < end;
    }

    /** Absolute index just past the glyph last read (where the next one starts). */
    public int position() {
        return position;
    }

    /** Reads the next glyph. */
    public void next() {
        start = position;
        if (position >= end) {
            throw new MalformedStreamException("glyph expected but the glyph bytes ended", position - base);
        }
        int first = in.get(position++) & 0xFF;
        type = GlyphType.ofCode(first >>> 6);
        boolean hasPayload = (first & 0x20) != 0;
        id = first & 0x1F;
        if (id == 0x1F) {
            if (position >= end) {
                throw new MalformedStreamException("extended id byte runs past the end", position - base);
            }
            id = in.get(position++) & 0xFF;
            if (id <= Glyphs.MAX_INLINE_ID) {
                throw new MalformedStreamException(
                        "non-canonical glyph: id " + id + " written with the escape (ids up to 30 are stored directly)",
                        start - base);
            }
        }
        if (!hasPayload) {
            payloadOffset = position;
            payloadLength = -1;
            return;
        }
        if (position >= end) {
            throw new MalformedStreamException("length prefix runs past the end", position - base);
        }
        int len = in.get(position++) & 0xFF;
        if ((len & 0x80) != 0) {
            if (position >= end) {
                throw new MalformedStreamException("two-byte length prefix runs past the end", position - base);
            }
            len = (len & 0x7F) << 8 | (in.get(position++) & 0xFF);
            if (len <= 127) {
                throw new MalformedStreamException(
                        "non-canonical glyph: length " + len + " written in the two-byte form", start - base);
            }
        }
        if (len > end - position) {
            throw new MalformedStreamException("payload of " + len + " bytes runs past the end (" + (end - position)
                    + " bytes left)", position - base);
        }
        payloadOffset = position;
        payloadLength = len;
        position += len;
    }

    public GlyphType type() {
        return type;
    }

    public int id() {
        return id;
    }

    public boolean hasPayload() {
        return payloadLength >= 0;
    }

    /** Absolute index of the payload's first byte. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Payload bytes, or -1 when the glyph has no payload. */
    public int payloadLength() {
        return payloadLength;
    }

    /** Absolute index of the glyph's first byte. */
    public int start() {
        return start;
    }

    /** Offset of the glyph's first byte from the stream's start. */
    public int streamOffset() {
        return start - base;
    }

    /** Whether the glyph just read is an end marker (the single byte {@code 0b}). */
    public boolean isEndMarker() {
        return type == GlyphType.PRIMITIVE && id == Glyphs.END_MARKER_ID && payloadLength < 0;
    }

    /** The payload as strict UTF-8 text. */
    public String payloadText() {
        return Utf8.decode(in, payloadOffset, payloadLength, base);
    }

    /** A copy of the payload bytes, or null when there is none. */
    public byte[] payloadBytes() {
        if (payloadLength < 0) {
            return null;
        }
        byte[] out = new byte[payloadLength];
        in.get(payloadOffset, out);
        return out;
    }
}
