package io.sigmalang.domain.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable node of a semantic tree: a primitive id (0..255), an optional string value and ordered
 * children.
 *
 * <p>An absent value and an empty value are different nodes (they encode differently). Depth, node count,
 * the primitives used and the hash code are computed once, from the children, when the node is built, so
 * no operation on a node recurses on the Java stack: a chain 100,000 levels deep can be built, hashed,
 * compared and printed.
 */
public final class SemanticNode {
    private final int primitive;
    private final String value;
    private final List<SemanticNode> children;
    private final int depth;
    private final int nodeCount;
    private final int compositeCount;
    private final PrimitiveSet primitives;
    private final int hash;

    private SemanticNode(int primitive, String value, List<SemanticNode> children) {
        this.primitive = checkPrimitive(primitive);
        this.value = value;
        this.children = children;
        int maxChildDepth = 0;
        long count = 1;
        long composites = children.isEmpty() ? 0 : 1;
        PrimitiveSet set = PrimitiveSet.empty();
        int h = 31 * primitive + Objects.hashCode(value) * 17 + (value == null ? 0 : 1);
        for (SemanticNode child : children) {
            Objects.requireNonNull(child, "child");
            maxChildDepth = Math.max(maxChildDepth, child.depth);
            count += child.nodeCount;
            composites += child.compositeCount;
            set = set.union(child.primitives);
            h = 31 * h + child.hash;
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tree too large: more than " + Integer.MAX_VALUE + " nodes");
        }
        this.depth = maxChildDepth + 1;
        this.nodeCount = (int) count;
        this.compositeCount = (int) composites;
        this.primitives = set.contains(primitive) ? set : set.with(primitive);
        this.hash = h;
    }

    /** A leaf without a value. */
    public static SemanticNode leaf(int primitive) {
        return new SemanticNode(primitive, null, List.of());
    }

    /** A leaf with a value ({@code ""} is a value, distinct from none). */
    public static SemanticNode leaf(int primitive, String value) {
        return new SemanticNode(primitive, Objects.requireNonNull(value, "value"), List.of());
    }

    /** A node with an optional value ({@code null} for none) and children in order. */
    public static SemanticNode of(int primitive, String value, List<SemanticNode> children) {
        return new SemanticNode(primitive, value, List.copyOf(children));
    }

    /** A node without a value, with children in order. */
    public static SemanticNode of(int primitive, SemanticNode... children) {
        return new SemanticNode(primitive, null, List.of(children));
    }

    static int checkPrimitive(int id) {
        if (id < 0 || id > 255) {
            throw new IllegalArgumentException("primitive id " + id + " is out of range (expected 0..255)");
        }
        return id;
    }

    public int primitive() {
        return primitive;
    }

    /** The value, or {@code null} when the node has none. */
    public String valueOrNull() {
        return value;
    }

    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    public boolean hasValue() {
        return value != null;
    }

    public List<SemanticNode> children() {
        return children;
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /** Levels in this subtree: 1 for a leaf. */
    public int depth() {
        return depth;
    }

    /** Nodes in this subtree, this one included. */
    public int nodeCount() {
        return nodeCount;
    }

    /** Nodes in this subtree that have at least one child. */
    public int compositeCount() {
        return compositeCount;
    }

    /** The distinct primitive ids used anywhere in this subtree. */
    public PrimitiveSet primitives() {
        return primitives;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Structural equality, walked with an explicit stack. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SemanticNode other)) {
            return false;
        }
        Deque<SemanticNode[]> pending = new ArrayDeque<>();
        pending.push(new SemanticNode[] {this, other});
        while (!pending.isEmpty()) {
            SemanticNode[] pair = pending.pop();
            SemanticNode a = pair[0];
            SemanticNode b = pair[1];
            if (a == b) {
                continue;
            }
            if (a.hash != b.hash || a.nodeCount != b.nodeCount || a.primitive != b.primitive
                    || a.children.size() != b.children.size() || !Objects.equals(a.value, b.value)) {
                return false;
            }
            for (int i = a.children.size() - 1; i >= 0; i--) {
                pending.push(new SemanticNode[] {a.children.get(i), b.children.get(i)});
            }
        }
        return true;
    }

    /**
     * A compact, unambiguous rendering such as {@code 0x50[0x10="f", 0x11]}; values are quoted with
     * escapes. Long trees are rendered in full; use for diagnostics only.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        Deque<Object> work = new ArrayDeque<>();
        work.push(this);
        while (!work.isEmpty()) {
            Object item = work.pop();
            if (item instanceof String s) {
                sb.append(s);
                continue;
            }
            SemanticNode n = (SemanticNode) item;
            sb.append(String.format("0x%02X", n.primitive));
            if (n.value != null) {
                sb.append('=');
                appendQuoted(sb, n.value);
            }
            if (!n.children.isEmpty()) {
                sb.append('[');
                work.push("]");
                for (int i = n.children.size() - 1; i >= 0; i--) {
                    work.push(n.children.get(i));
                    if (i > 0) {
                        work.push(", ");
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** The nodes of this subtree in pre-order, without recursion. */
    public List<SemanticNode> preOrder() {
        List<SemanticNode> out = new ArrayList<>(nodeCount);
        Deque<SemanticNode> stack = new ArrayDeque<>();
        stack.push(this);
        while (!stack.isEmpty()) {
            SemanticNode n = stack.pop();
            out.add(n);
            for (int i = n.children.size() - 1; i >= 0; i--) {
                stack.push(n.children.get(i));
            }
        }
        return Collections.unmodifiableList(out);
    }
}
