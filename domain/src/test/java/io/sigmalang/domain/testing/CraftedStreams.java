package io.sigmalang.domain.testing;

import io.sigmalang.domain.wire.Crc16;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Hostile but well-formed streams, written byte by byte from the format (docs/FORMAT.md), not by the encoder:
 * a message with one 32,767-byte value, then context deltas that rebuild 134 MB trees from a few bytes.
 */
public final class CraftedStreams {
    /** The value length of the leaf of {@link #bigLeafMessage()}. */
    public static final int LEAF_BYTES = 32_767;
    /** The copies of that leaf {@link #leafCopiesDelta} puts under its root. */
    public static final int COPIES = 4092;

    private CraftedStreams() {
    }

    /** A stream: header (version 1, no flags, context id, glyph count), glyphs, CRC-16. */
    public static byte[] stream(int contextId, int glyphCount, byte[] glyphs) {
        int header = 1 << 30 | contextId << 12 | glyphCount;
        byte[] out = new byte[4 + glyphs.length + 2];
        out[0] = (byte) (header >>> 24);
        out[1] = (byte) (header >>> 16);
        out[2] = (byte) (header >>> 8);
        out[3] = (byte) header;
        System.arraycopy(glyphs, 0, out, 4, glyphs.length);
        int crc = Crc16.of(out, 0, out.length - 2);
        out[out.length - 2] = (byte) (crc >>> 8);
        out[out.length - 1] = (byte) crc;
        return out;
    }

    /** Message 1: the tree 0x50[0x10="aaa…"] in full form, a 32,767-byte value. */
    public static byte[] bigLeafMessage() {
        return leafMessage(LEAF_BYTES);
    }

    /** The tree 0x50[0x10="aaa…"] in full form, a value of {@code leafBytes} (1..32767) bytes. */
    public static byte[] leafMessage(int leafBytes) {
        ByteArrayOutputStream g = new ByteArrayOutputStream();
        g.write(0xDF); // COMPOSITE, no payload, escaped id
        g.write(0x50);
        g.write(0x30); // PRIMITIVE, payload, id 16
        if (leafBytes > 127) {
            g.write(0x80 | leafBytes >>> 8);
        }
        g.write(leafBytes & 0xFF);
        byte[] value = new byte[leafBytes];
        Arrays.fill(value, (byte) 'a');
        g.writeBytes(value);
        g.write(0x0B); // end marker
        return stream(0, 3, g.toByteArray());
    }

    /** A delta against the message {@code distance} back that copies its leaf (glyph 1) 4092 times under a root. */
    public static byte[] leafCopiesDelta(int contextId, int distance) {
        return leafCopiesDelta(contextId, distance, 0x50);
    }

    /** The same under a root of another primitive, so that the tree differs. */
    public static byte[] leafCopiesDelta(int contextId, int distance, int rootPrimitive) {
        return leafCopiesDelta(contextId, distance, rootPrimitive, COPIES);
    }

    /** The same with {@code copies} (1..4092) copies of the leaf: 1 + 1 + copies + 1 glyphs, 4 bytes per copy. */
    public static byte[] leafCopiesDelta(int contextId, int distance, int rootPrimitive, int copies) {
        ByteArrayOutputStream g = new ByteArrayOutputStream();
        g.write(0x80 | distance); // DELTA, no payload, id = distance
        g.write(0xDF);
        g.write(rootPrimitive);
        for (int i = 0; i < copies; i++) {
            g.writeBytes(new byte[] {(byte) 0xA0, 2, 1, 1}); // DELTA id 0 (copy), 2-byte payload: start 1, count 1
        }
        g.write(0x0B);
        return stream(contextId, 1 + 1 + copies + 1, g.toByteArray());
    }

    /** A delta against the previous message that copies all of its 4094 glyphs: 12 bytes. */
    public static byte[] copyAllDelta(int contextId) {
        // 4094 = 0x0FFE: LEB128 FE 1F.
        return stream(contextId, 2, new byte[] {(byte) 0x81, (byte) 0xA0, 3, 0, (byte) 0xFE, 0x1F});
    }

    /**
     * A delta against the previous message (a tree from {@link #leafCopiesDelta}) that keeps all but its root:
     * a literal root of {@code rootPrimitive}, then a copy of glyphs 1..4093. A new 134 MB tree from 12 bytes of
     * glyphs, different from every earlier one when the root differs.
     */
    public static byte[] rerootDelta(int contextId, int rootPrimitive) {
        // 4093 = 0x0FFD: LEB128 FD 1F.
        return stream(contextId, 3, new byte[] {(byte) 0x81, (byte) 0xDF, (byte) rootPrimitive, (byte) 0xA0, 3, 1,
            (byte) 0xFD, 0x1F});
    }
}
