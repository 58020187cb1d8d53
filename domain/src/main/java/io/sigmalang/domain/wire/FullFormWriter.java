package io.sigmalang.domain.wire;

import io.sigmalang.domain.format.TreeRejectedException;
import io.sigmalang.domain.tree.SemanticNode;
import java.util.Arrays;

/**
 * Writes a tree in the full-primitive form: pre-order, a COMPOSITE glyph for a node with children and a
 * PRIMITIVE glyph for a leaf, the value as UTF-8 payload, an end marker after the last child of each
 * composite.
 *
 * <p>{@link #measure} walks the tree once to check that the format can carry it exactly and to size it;
 * {@link #write} then writes it. Both walk with an explicit stack owned by this object and reused across
 * calls, so neither recurses nor, once the stack has grown to the tree's depth, allocates. Not thread-safe.
 */
public final class FullFormWriter {
    private SemanticNode[] nodes = new SemanticNode[32];
    private int[] nextChild = new int[32];
    private int depth;
    private int deepest;
    private int glyphCount;

    /**
     * Checks that {@code root} can be written exactly and returns its full-form glyph bytes (header and CRC
     * excluded); {@link #glyphCount()} then gives its glyph count.
     *
     * @throws TreeRejectedException naming the first node the format cannot carry
     */
    public long measure(SemanticNode root) {
        long glyphs = (long) root.nodeCount() + root.compositeCount();
        if (glyphs > Glyphs.MAX_GLYPHS) {
            throw new TreeRejectedException("root", "the tree needs " + glyphs + " glyphs (" + root.nodeCount()
                    + " nodes and " + root.compositeCount() + " end markers) but a stream holds at most "
                    + Glyphs.MAX_GLYPHS);
        }
        glyphCount = (int) glyphs;
        return walk(root, null);
    }

    /** Glyph count of the tree last passed to {@link #measure}. */
    public int glyphCount() {
        return glyphCount;
    }

    /** Writes the glyphs of a tree that {@link #measure} accepted. */
    public void write(SemanticNode root, ByteSink out) {
        walk(root, out);
    }

    /**
     * One pre-order walk serves both passes: without a sink it checks and sizes each glyph, with one it
     * writes them. Returns the glyph bytes.
     */
    private long walk(SemanticNode root, ByteSink out) {
        try {
            depth = 0;
            long bytes = visit(root, out);
            if (root.isLeaf()) {
                return bytes;
            }
            push(root);
            while (depth > 0) {
                int top = depth - 1;
                SemanticNode parent = nodes[top];
                int i = nextChild[top];
                if (i < parent.children().size()) {
                    nextChild[top] = i + 1;
                    SemanticNode child = parent.children().get(i);
                    push(child);
                    bytes += visit(child, out);
                    if (child.isLeaf()) {
                        depth--;
                    }
                } else {
                    depth--;
                    bytes += 1;
                    if (out != null) {
                        out.write(Glyphs.END_MARKER_BYTE);
                    }
                }
            }
            return bytes;
        } finally {
            clear();
        }
    }

    private long visit(SemanticNode node, ByteSink out) {
        if (out == null) {
            return glyphBytes(node);
        }
        writeGlyph(node, out);
        return 0;
    }

    private static void writeGlyph(SemanticNode node, ByteSink out) {
        String value = node.valueOrNull();
        GlyphType type = node.isLeaf() ? GlyphType.PRIMITIVE : GlyphType.COMPOSITE;
        if (value == null) {
            Glyphs.writeHead(out, type, node.primitive(), -1);
        } else {
            Glyphs.writeHead(out, type, node.primitive(), (int) Utf8.encodedLength(value));
            Utf8.encode(value, out);
        }
    }

    private long glyphBytes(SemanticNode node) {
        String value = node.valueOrNull();
        if (value == null) {
            if (node.isLeaf() && node.primitive() == Glyphs.END_MARKER_ID) {
                throw new TreeRejectedException(path(), "a leaf with primitive 0x0B and no value would read back as"
                        + " an end marker; give it a value (even \"\") or children");
            }
            return Glyphs.glyphLength(node.primitive(), -1);
        }
        long len = Utf8.encodedLength(value);
        if (len < 0) {
            throw new TreeRejectedException(path(), "its value has an unpaired surrogate at char index " + (-len - 1)
                    + ", which UTF-8 cannot carry");
        }
        if (len > Glyphs.MAX_PAYLOAD) {
            throw new TreeRejectedException(path(), "its value is " + len + " UTF-8 bytes; a payload holds at most "
                    + Glyphs.MAX_PAYLOAD);
        }
        return Glyphs.glyphLength(node.primitive(), (int) len);
    }

    /** The path of the node on top of the stack: the root, then the child index taken at each level. */
    private String path() {
        StringBuilder sb = new StringBuilder("root");
        for (int k = 0; k < depth - 1; k++) {
            sb.append('/').append(nextChild[k] - 1);
        }
        return sb.toString();
    }

    private void push(SemanticNode node) {
        if (depth == nodes.length) {
            nodes = Arrays.copyOf(nodes, depth * 2);
            nextChild = Arrays.copyOf(nextChild, depth * 2);
        }
        nodes[depth] = node;
        nextChild[depth] = 0;
        depth++;
        deepest = Math.max(deepest, depth);
    }

    /** Drops the references to the tree so an encoder does not keep old messages alive. */
    private void clear() {
        Arrays.fill(nodes, 0, deepest, null);
        deepest = 0;
        depth = 0;
    }
}
