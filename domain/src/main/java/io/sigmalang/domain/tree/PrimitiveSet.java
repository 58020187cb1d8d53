package io.sigmalang.domain.tree;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * An immutable set of primitive ids (0..255), held as four 64-bit words.
 *
 * <p>Every {@link SemanticNode} carries the set of primitives used in its subtree; combining the sets of
 * the children costs four ORs, so the set is known without walking the tree.
 */
public final class PrimitiveSet {
    private static final PrimitiveSet EMPTY = new PrimitiveSet(new long[4]);

    private final long[] words;

    private PrimitiveSet(long[] words) {
        this.words = words;
    }

    public static PrimitiveSet empty() {
        return EMPTY;
    }

    public static PrimitiveSet of(int... ids) {
        long[] w = new long[4];
        for (int id : ids) {
            SemanticNode.checkPrimitive(id);
            w[id >>> 6] |= 1L << (id & 63);
        }
        return new PrimitiveSet(w);
    }

    PrimitiveSet with(int id) {
        long[] w = words.clone();
        w[id >>> 6] |= 1L << (id & 63);
        return new PrimitiveSet(w);
    }

    PrimitiveSet union(PrimitiveSet other) {
        long[] w = words.clone();
        for (int i = 0; i < 4; i++) {
            w[i] |= other.words[i];
        }
        return new PrimitiveSet(w);
    }

    public boolean contains(int id) {
        return id >= 0 && id <= 255 && (words[id >>> 6] & (1L << (id & 63))) != 0;
    }

    public int size() {
        return Long.bitCount(words[0]) + Long.bitCount(words[1]) + Long.bitCount(words[2]) + Long.bitCount(words[3]);
    }

    /** The ids in ascending order. */
    public int[] toArray() {
        int[] out = new int[size()];
        int n = 0;
        for (int id = 0; id < 256; id++) {
            if (contains(id)) {
                out[n++] = id;
            }
        }
        return out;
    }

    public IntStream stream() {
        return Arrays.stream(toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrimitiveSet other && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int id : toArray()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(String.format("0x%02X", id));
        }
        return sb.append('}').toString();
    }
}
