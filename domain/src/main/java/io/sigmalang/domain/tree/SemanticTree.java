package io.sigmalang.domain.tree;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A semantic tree: its root node, and optionally the size in UTF-8 bytes of the text it was parsed from
 * (used only for the compression ratio in the encoder's statistics; it takes no part in equality).
 */
public final class SemanticTree {
    private final SemanticNode root;
    private final int sourceBytes;

    private SemanticTree(SemanticNode root, int sourceBytes) {
        this.root = Objects.requireNonNull(root, "root");
        this.sourceBytes = sourceBytes;
    }

    public static SemanticTree of(SemanticNode root) {
        return new SemanticTree(root, -1);
    }

    /** A tree parsed from a text of {@code sourceBytes} UTF-8 bytes. */
    public static SemanticTree parsedFrom(SemanticNode root, int sourceBytes) {
        if (sourceBytes < 0) {
            throw new IllegalArgumentException("sourceBytes must be >= 0, was " + sourceBytes);
        }
        return new SemanticTree(root, sourceBytes);
    }

    public SemanticNode root() {
        return root;
    }

    /** The UTF-8 size of the source text, when the tree was parsed from text. */
    public OptionalInt sourceBytes() {
        return sourceBytes < 0 ? OptionalInt.empty() : OptionalInt.of(sourceBytes);
    }

    public int depth() {
        return root.depth();
    }

    public int nodeCount() {
        return root.nodeCount();
    }

    public PrimitiveSet primitivesUsed() {
        return root.primitives();
    }

    /** Trees are equal when their roots are; the source size is not part of the tree. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SemanticTree other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
