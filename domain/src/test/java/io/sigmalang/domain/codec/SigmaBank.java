package io.sigmalang.domain.codec;

import io.sigmalang.domain.tree.SemanticNode;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The Σ-bank as the decoder kept it until it held full forms (an oracle for {@link EncodedBankTest}, kept in the
 * tests only): recent trees by Σ-hash, as objects, in a LinkedHashMap, bounded, least recently recorded evicted
 * first.
 *
 * <p>Encoder and decoder each keep one and apply the same operation for every message, in the same order:
 * {@link #record} the message's tree under its hash. Looking up ({@link #find}) changes nothing. So the two
 * banks hold the same trees after every message, evictions included, and every reference the encoder emits
 * resolves in the decoder. A hash shared by two trees keeps only the later one; the encoder checks the tree
 * itself before referring to it, so a collision costs a full encoding, never a wrong decode.
 */
final class SigmaBank {
    private final int capacity;
    private final LinkedHashMap<Integer, Held> trees = new LinkedHashMap<>();
    private long heldBytes;

    /** A tree and the bytes it is counted for (its full form; 0 where nobody counts). */
    private record Held(SemanticNode tree, long bytes) {
    }

    SigmaBank(int capacity) {
        this.capacity = capacity;
    }

    /** The tree last recorded under this hash, or null. */
    SemanticNode find(int hash) {
        Held held = trees.get(hash);
        return held == null ? null : held.tree();
    }

    /** The bytes counted for the tree under this hash (see {@link #record(int, SemanticNode, long)}), or 0. */
    long bytesOf(int hash) {
        Held held = trees.get(hash);
        return held == null ? 0 : held.bytes();
    }

    /** Records a message's tree: it becomes the most recent; past capacity the least recent is evicted. */
    void record(int hash, SemanticNode tree) {
        record(hash, tree, 0);
    }

    /** {@link #record(int, SemanticNode)}, counting {@code bytes} for the tree in {@link #heldBytes()}. */
    void record(int hash, SemanticNode tree, long bytes) {
        Held replaced = trees.remove(hash);
        if (replaced != null) {
            heldBytes -= replaced.bytes();
        }
        trees.put(hash, new Held(tree, bytes));
        heldBytes += bytes;
        if (trees.size() > capacity) {
            Iterator<Held> eldest = trees.values().iterator();
            heldBytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    /** The bytes counted for the trees held now. */
    long heldBytes() {
        return heldBytes;
    }

    /** What {@link #heldBytes()} would be after {@code record(hash, tree, bytes)}; changes nothing. */
    long heldBytesAfter(int hash, long bytes) {
        Held replaced = trees.get(hash);
        long after = heldBytes + bytes - (replaced == null ? 0 : replaced.bytes());
        if (replaced == null && trees.size() == capacity) {
            after -= trees.values().iterator().next().bytes();
        }
        return after;
    }

    int size() {
        return trees.size();
    }

    int capacity() {
        return capacity;
    }
}
