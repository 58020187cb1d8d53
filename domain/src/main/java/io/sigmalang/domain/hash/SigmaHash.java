package io.sigmalang.domain.hash;

import io.sigmalang.domain.tree.SemanticNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;

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

    public SigmaHash() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no MD5, which the Σ-hash needs", e);
        }
    }

    /** The Σ-hash as an int; use {@link Integer#toUnsignedLong} for the unsigned value. */
    public int of(SemanticNode root) {
        int[] ids = root.primitives().toArray();
        byte[] structure = new byte[ids.length];
        for (int i = 0; i < ids.length; i++) {
            structure[i] = (byte) ids[i];
        }
        byte[] s = md5.digest(structure);
        buildContent(root);
        md5.update(content, 0, contentLength);
        byte[] c = md5.digest();
        return (s[0] ^ c[0]) << 24 | ((s[1] ^ c[1]) & 0xFF) << 16 | ((s[2] ^ c[2]) & 0xFF) << 8 | ((s[3] ^ c[3]) & 0xFF);
    }

    /**
     * The content string of a node is its own non-empty value followed by the content string of each child,
     * joined with {@code |}; every child is an item, even one whose subtree holds no value. Written as UTF-8
     * bytes into {@link #content}, stopping at the limit.
     */
    private void buildContent(SemanticNode root) {
        contentLength = 0;
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(enter(root));
        while (!stack.isEmpty() && contentLength < CONTENT_LIMIT) {
            Frame f = stack.peek();
            if (f.next == f.node.children().size()) {
                stack.pop();
                continue;
            }
            if (f.itemWritten) {
                append("|");
            }
            f.itemWritten = true;
            stack.push(enter(f.node.children().get(f.next++)));
        }
    }

    private Frame enter(SemanticNode node) {
        Frame f = new Frame(node);
        String v = node.valueOrNull();
        if (v != null && !v.isEmpty()) {
            append(v);
            f.itemWritten = true;
        }
        return f;
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

    private static final class Frame {
        final SemanticNode node;
        int next;
        boolean itemWritten;

        Frame(SemanticNode node) {
            this.node = node;
        }
    }
}
