package io.sigmalang.domain.hash;

import io.sigmalang.domain.tree.PrimitiveSet;
import io.sigmalang.domain.tree.SemanticNode;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The 32-bit Σ-hash of a tree, as the reference computes it: the first four bytes of the MD5 of the sorted
 * distinct primitive ids, XORed with the first four bytes of the MD5 of the content string (values joined
 * with {@code |} in pre-order, cut to its first 256 UTF-8 bytes), read big-endian.
 *
 * <p>Equal trees have equal hashes; different trees may collide, so a hash alone never identifies a tree.
 * Not thread-safe (it reuses its digest and buffer): one per encoder or decoder.
 */
public final class SigmaHash {
    /** The content string is cut to this many UTF-8 bytes. */
    public static final int CONTENT_LIMIT = 256;

    private final MessageDigest md5;
    private final byte[] content = new byte[CONTENT_LIMIT];
    private int contentLength;
    private final byte[] structure = new byte[256];
    private final byte[] structureDigest = new byte[16];
    private final byte[] contentDigest = new byte[16];
    // The walk's stack, reused from tree to tree.
    private SemanticNode[] nodes = new SemanticNode[16];
    private int[] next = new int[16];
    private boolean[] itemWritten = new boolean[16];
    private int depth;

    public SigmaHash() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no MD5, which the Σ-hash needs", e);
        }
    }

    /** The Σ-hash as an int; use {@link Integer#toUnsignedLong} for the unsigned value. */
    public int of(SemanticNode root) {
        // The sorted distinct ids: the set's members in increasing order, without materialising an array.
        PrimitiveSet ids = root.primitives();
        int n = 0;
        for (int id = 0; id < 256; id++) {
            if (ids.contains(id)) {
                structure[n++] = (byte) id;
            }
        }
        md5.update(structure, 0, n);
        digestInto(structureDigest);
        buildContent(root);
        md5.update(content, 0, contentLength);
        digestInto(contentDigest);
        byte[] s = structureDigest;
        byte[] c = contentDigest;
        return (s[0] ^ c[0]) << 24 | ((s[1] ^ c[1]) & 0xFF) << 16 | ((s[2] ^ c[2]) & 0xFF) << 8 | ((s[3] ^ c[3]) & 0xFF);
    }

    private void digestInto(byte[] out) {
        try {
            md5.digest(out, 0, out.length);
        } catch (DigestException e) {
            throw new IllegalStateException("MD5 did not fit its 16-byte digest", e);
        }
    }

    /**
     * The content string of a node is its own non-empty value followed by the content string of each child,
     * joined with {@code |}; every child is an item, even one whose subtree holds no value. Written as UTF-8
     * bytes into {@link #content}, stopping at the limit. Walks with a stack of reused arrays, so it allocates
     * nothing once they have grown to the tree's depth.
     */
    private void buildContent(SemanticNode root) {
        contentLength = 0;
        depth = 0;
        enter(root);
        while (depth > 0 && contentLength < CONTENT_LIMIT) {
            int top = depth - 1;
            SemanticNode node = nodes[top];
            if (next[top] == node.children().size()) {
                nodes[top] = null;
                depth--;
                continue;
            }
            if (itemWritten[top]) {
                put('|');
            }
            itemWritten[top] = true;
            enter(node.children().get(next[top]++));
        }
        Arrays.fill(nodes, 0, depth, null);
        depth = 0;
    }

    private void enter(SemanticNode node) {
        if (depth == nodes.length) {
            nodes = Arrays.copyOf(nodes, depth * 2);
            next = Arrays.copyOf(next, depth * 2);
            itemWritten = Arrays.copyOf(itemWritten, depth * 2);
        }
        nodes[depth] = node;
        next[depth] = 0;
        itemWritten[depth] = false;
        String v = node.valueOrNull();
        if (v != null && !v.isEmpty()) {
            append(v);
            itemWritten[depth] = true;
        }
        depth++;
    }

    private void append(String s) {
        for (int i = 0; i < s.length() && contentLength < CONTENT_LIMIT; i++) {
            int cp = s.codePointAt(i);
            if (cp >= 0x10000) {
                i++;
            }
            if (cp < 0x80) {
                put(cp);
            } else if (cp < 0x800) {
                put(0xC0 | cp >>> 6);
                put(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                put(0xE0 | cp >>> 12);
                put(0x80 | cp >>> 6 & 0x3F);
                put(0x80 | cp & 0x3F);
            } else {
                put(0xF0 | cp >>> 18);
                put(0x80 | cp >>> 12 & 0x3F);
                put(0x80 | cp >>> 6 & 0x3F);
                put(0x80 | cp & 0x3F);
            }
        }
    }

    private void put(int b) {
        if (contentLength < CONTENT_LIMIT) {
            content[contentLength++] = (byte) b;
        }
    }
}
