package io.sigmalang.domain.codec;

import io.sigmalang.domain.tree.SemanticNode;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The Σ-bank: recent trees by Σ-hash, bounded, least recently recorded evicted first.
 *
 * <p>Encoder and decoder each keep one and apply the same operation for every message, in the same order:
 * {@link #record} the message's tree under its hash. Looking up ({@link #find}) changes nothing. So the two
 * banks hold the same trees after every message, evictions included, and every reference the encoder emits
 * resolves in the decoder. A hash shared by two trees keeps only the later one; the encoder checks the tree
 * itself before referring to it, so a collision costs a full encoding, never a wrong decode.
 */
final class SigmaBank {
    private final int capacity;
    private final LinkedHashMap<Integer, SemanticNode> trees = new LinkedHashMap<>();

    SigmaBank(int capacity) {
        this.capacity = capacity;
    }

    /** The tree last recorded under this hash, or null. */
    SemanticNode find(int hash) {
        return trees.get(hash);
    }

    /** Records a message's tree: it becomes the most recent; past capacity the least recent is evicted. */
    void record(int hash, SemanticNode tree) {
        trees.remove(hash);
        trees.put(hash, tree);
        if (trees.size() > capacity) {
            Iterator<Integer> eldest = trees.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    int size() {
        return trees.size();
    }

    int capacity() {
        return capacity;
    }
}
