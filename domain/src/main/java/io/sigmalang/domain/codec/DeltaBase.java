package io.sigmalang.domain.codec;

import java.util.Arrays;

/**
 * The full-form glyphs of one recent message, kept as a base that later messages can copy glyph runs from: a
 * frame of the conversation's {@link ContextWindow}. The glyph bytes themselves lie in the window's pooled
 * buffers ({@link WindowBuffers}, from {@link #start()} on); this object holds what is derived from them on the
 * heap: where each glyph starts, and an index from a glyph's content hash to where glyphs with that content
 * occur.
 *
 * <p>The window reuses its bases: the one that falls out of it becomes the next message's, and its arrays only
 * grow. The index is a table of primitive arrays (open addressing on the 64-bit glyph hash, each hash's
 * positions chained in glyph order), built once per frame on first use, so keeping a message as a base
 * allocates nothing once the arrays have grown to the largest message seen. Not thread-safe.
 */
final class DeltaBase {
    /** Candidate positions remembered per distinct glyph; bounds the delta search on repetitive trees. */
    static final int MAX_POSITIONS_PER_GLYPH = 16;

    private WindowBuffers window;
    /** Where this frame's region begins in the window (its reserved header, if any, included). */
    private long regionStart;
    /** Where glyph 0 begins in the window. */
    private long start;
    /** starts[i] is where glyph i begins, relative to {@link #start}; starts[count] is the end of the glyph bytes. */
    int[] starts = new int[8];
    int count;

    // The index, built on first use: slot s holds the glyphs hashing to keys[s], from firsts[s] on through
    // nextSame, in glyph order. firsts[s] == -1 marks an empty slot. The delta search reads at most
    // MAX_POSITIONS_PER_GLYPH of each chain.
    private boolean indexed;
    private long[] keys = new long[0];
    private int[] firsts = new int[0];
    private int[] nextSame = new int[0];

    /**
     * Makes this base the well-formed full-form glyphs from {@code start} to {@code end} of {@code window} (the
     * encoder's own, or a stream the decoder has already read), whose frame region begins at {@code regionStart}.
     */
    void attach(WindowBuffers window, long regionStart, long start, long end) {
        this.window = window;
        this.regionStart = regionStart;
        this.start = start;
        scanStarts((int) (end - start));
    }

    long regionStart() {
        return regionStart;
    }

    long start() {
        return start;
    }

    /** Bytes of glyphs held. */
    int length() {
        return starts[count];
    }

    /** The byte at {@code i} of the glyphs. */
    byte byteAt(int i) {
        return window.get(start + i);
    }

    /** Copies the glyph bytes from {@code from} to {@code to} into {@code out} at {@code at}. */
    void copy(int from, int to, byte[] out, int at) {
        window.copy(start + from, start + to, out, at);
    }

    /** Whether the glyph bytes are exactly {@code other[0, length)}. */
    boolean equalsBytes(byte[] other, int length) {
        return length() == length && window.equalsBytes(start, other, length);
    }

    /** Whether glyph {@code i} of this base and glyph {@code j} of {@code other} are the same bytes. */
    boolean sameGlyph(int i, DeltaBase other, int j) {
        int from = starts[i];
        int length = starts[i + 1] - from;
        int otherFrom = other.starts[j];
        if (other.starts[j + 1] - otherFrom != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (byteAt(from + k) != other.byteAt(otherFrom + k)) {
                return false;
            }
        }
        return true;
    }

    /** Bytes of heap this base holds in its arrays (for the per-conversation memory figures). */
    long retainedBytes() {
        return 4L * (starts.length + firsts.length + nextSame.length) + 8L * keys.length;
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
            long h = glyphHash(i);
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

    /** 64-bit FNV-1a over the bytes of glyph {@code i}. */
    long glyphHash(int i) {
        long h = 0xcbf29ce484222325L;
        for (int k = starts[i]; k < starts[i + 1]; k++) {
            h = (h ^ (byteAt(k) & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }

    /**
     * Finds where each glyph of the {@code length} bytes from {@link #start} starts. The bytes are well-formed
     * full-form glyphs, so the heads are only parsed, not checked.
     */
    private void scanStarts(int length) {
        int n = 0;
        int at = 0;
        while (at < length) {
            if (n + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[n++] = at;
            int head = byteAt(at++) & 0xFF;
            if ((head & 0x1F) == 0x1F) {
                at++;
            }
            if ((head & 0x20) != 0) {
                int len = byteAt(at++) & 0xFF;
                if ((len & 0x80) != 0) {
                    len = (len & 0x7F) << 8 | (byteAt(at++) & 0xFF);
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
