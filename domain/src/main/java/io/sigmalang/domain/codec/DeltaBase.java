package io.sigmalang.domain.codec;

import io.sigmalang.domain.wire.ByteSink;
import java.util.Arrays;

/**
 * The full-form glyphs of one recent message, kept as a base that later messages can copy glyph runs from.
 * Holds the glyph bytes, where each glyph starts, and an index from a glyph's content hash to where glyphs
 * with that content occur.
 *
 * <p>The encoder reuses its bases: it writes each message's full form straight into one ({@link #clear},
 * {@link #write}, {@link #seal}), and the window hands back the base that falls out of it for the next message
 * (the arrays only grow); the index
 * is a table of primitive arrays (open addressing on the 64-bit glyph hash, each hash's positions chained in
 * glyph order), so keeping a message as a base allocates nothing once the arrays have grown to the largest
 * message seen. Not thread-safe.
 */
final class DeltaBase implements ByteSink {
    /** Candidate positions remembered per distinct glyph; bounds the delta search on repetitive trees. */
    static final int MAX_POSITIONS_PER_GLYPH = 16;

    /** The glyph bytes, from 0 to {@code starts[count]}; the array may be longer. */
    byte[] bytes;
    /** starts[i] is where glyph i begins; starts[count] is the end of the glyph bytes. */
    int[] starts;
    int count;
    /** Bytes written since {@link #clear}. */
    private int fill;

    // The index, built on first use: slot s holds the glyphs hashing to keys[s], from firsts[s] on through
    // nextSame, in glyph order. firsts[s] == -1 marks an empty slot. The delta search reads at most
    // MAX_POSITIONS_PER_GLYPH of each chain.
    private boolean indexed;
    private long[] keys = new long[0];
    private int[] firsts = new int[0];
    private int[] nextSame = new int[0];

    /** A base over exactly {@code bytes}, well-formed full-form glyphs (kept, not copied). */
    DeltaBase(byte[] bytes) {
        this.bytes = bytes;
        this.starts = new int[16];
        scanStarts(bytes.length);
        this.starts = Arrays.copyOf(starts, count + 1);
    }

    /** An empty base, to be written into after {@link #clear}. */
    DeltaBase() {
        this.bytes = new byte[32];
        this.starts = new int[8];
    }

    /** Empties this base to be written into, glyph byte by glyph byte, then {@link #seal sealed}. */
    void clear() {
        fill = 0;
        count = 0;
        indexed = false;
    }

    @Override
    public void write(int b) {
        if (fill == bytes.length) {
            bytes = Arrays.copyOf(bytes, fill * 2);
        }
        bytes[fill++] = (byte) b;
    }

    /** Ends the writing: finds where each glyph written since {@link #clear} starts. */
    void seal() {
        scanStarts(fill);
    }

    /** Bytes of glyphs held. */
    int length() {
        return starts[count];
    }

    /** Bytes of heap this base holds in its arrays (for the per-conversation memory figures). */
    long retainedBytes() {
        return bytes.length + 4L * (starts.length + firsts.length + nextSame.length) + 8L * keys.length;
    }

    /** The first glyph whose content hashes to {@code hash}, or -1; the chain goes on with {@link #nextPosition}. */
    int firstPosition(long hash) {
        if (!indexed) {
            index();
        }
        int mask = keys.length - 1;
        for (int s = mix(hash) & mask; ; s = (s + 1) & mask) {
            if (firsts[s] < 0) {
                return -1;
            }
            if (keys[s] == hash) {
                return firsts[s];
            }
        }
    }

    /** The next glyph after {@code position} with the same content hash, or -1. */
    int nextPosition(int position) {
        return nextSame[position];
    }

    private void index() {
        // At most three quarters full: the smallest power of two above 4/3 of the glyphs.
        int slots = Integer.highestOneBit(Math.max(4, count * 4 / 3 + 1) * 2 - 1);
        if (keys.length < slots || keys.length > 4 * slots) {
            keys = new long[slots];
            firsts = new int[slots];
        } else {
            slots = keys.length;
        }
        Arrays.fill(firsts, 0, slots, -1);
        if (nextSame.length < count) {
            nextSame = new int[count];
        }
        int mask = slots - 1;
        // Last glyph first, each put in front of its chain: every chain ends up in glyph order.
        for (int i = count - 1; i >= 0; i--) {
            long h = glyphHash(bytes, starts[i], starts[i + 1]);
            int s = mix(h) & mask;
            while (firsts[s] >= 0 && keys[s] != h) {
                s = (s + 1) & mask;
            }
            keys[s] = h;
            nextSame[i] = firsts[s];
            firsts[s] = i;
        }
        indexed = true;
    }

    private static int mix(long h) {
        long x = h ^ (h >>> 29);
        x *= 0xbf58476d1ce4e5b9L;
        return (int) (x ^ (x >>> 32));
    }

    /** 64-bit FNV-1a over a glyph's bytes. */
    static long glyphHash(byte[] b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }

    /**
     * Finds where each glyph of {@code bytes[0, length)} starts. The bytes are well-formed full-form glyphs (the
     * encoder's own, or a stream the decoder has already read), so the heads are only parsed, not checked.
     */
    private void scanStarts(int length) {
        int n = 0;
        int at = 0;
        while (at < length) {
            if (n + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[n++] = at;
            int head = bytes[at++] & 0xFF;
            if ((head & 0x1F) == 0x1F) {
                at++;
            }
            if ((head & 0x20) != 0) {
                int len = bytes[at++] & 0xFF;
                if ((len & 0x80) != 0) {
                    len = (len & 0x7F) << 8 | (bytes[at++] & 0xFF);
                }
                at += len;
            }
        }
        if (at != length) {
            throw new IllegalStateException("internal error: full-form glyphs end at " + at + ", not at " + length);
        }
        starts[n] = length;
        count = n;
        indexed = false;
    }
}
