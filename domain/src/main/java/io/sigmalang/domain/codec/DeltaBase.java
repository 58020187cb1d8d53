package io.sigmalang.domain.codec;

import io.sigmalang.domain.wire.GlyphReader;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The full-form glyphs of one recent message, kept as a base that later messages can copy glyph runs from.
 * Holds the glyph bytes, where each glyph starts, and an index from a glyph's content hash to where glyphs
 * with that content occur.
 */
final class DeltaBase {
    /** Candidate positions remembered per distinct glyph; bounds the delta search on repetitive trees. */
    static final int MAX_POSITIONS_PER_GLYPH = 16;

    final byte[] bytes;
    /** starts[i] is where glyph i begins; starts[count] == bytes.length. */
    final int[] starts;
    final int count;
    private Map<Long, int[]> positions;

    DeltaBase(byte[] bytes) {
        this.bytes = bytes;
        this.starts = glyphStarts(bytes);
        this.count = starts.length - 1;
    }

    /** Where glyphs with the same content as {@code hash} start (at most {@value #MAX_POSITIONS_PER_GLYPH}). */
    int[] positionsOf(long hash) {
        if (positions == null) {
            positions = new HashMap<>();
            for (int i = 0; i < count; i++) {
                long h = glyphHash(bytes, starts[i], starts[i + 1]);
                int[] list = positions.get(h);
                if (list == null) {
                    positions.put(h, new int[] {i});
                } else if (list.length < MAX_POSITIONS_PER_GLYPH) {
                    int[] grown = Arrays.copyOf(list, list.length + 1);
                    grown[list.length] = i;
                    positions.put(h, grown);
                }
            }
        }
        int[] found = positions.get(hash);
        return found == null ? NONE : found;
    }

    private static final int[] NONE = new int[0];

    /** 64-bit FNV-1a over a glyph's bytes. */
    static long glyphHash(byte[] b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }

    /** The start of every glyph in well-formed full-form glyph bytes, plus the end. */
    static int[] glyphStarts(byte[] glyphs) {
        int[] out = new int[16];
        int n = 0;
        GlyphReader reader = new GlyphReader(ByteBuffer.wrap(glyphs), 0, glyphs.length, 0);
        while (reader.hasMore()) {
            if (n + 1 >= out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = reader.position();
            reader.next();
        }
        out[n] = glyphs.length;
        return Arrays.copyOf(out, n + 1);
    }
}
