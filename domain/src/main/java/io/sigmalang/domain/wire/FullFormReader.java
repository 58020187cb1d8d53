package io.sigmalang.domain.wire;

import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.tree.SemanticNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a tree from full-primitive glyphs, without recursion: a stack of open composites, each collecting
 * its children until its end marker. Strict: REFERENCE or DELTA glyphs, an end marker with no open
 * composite, a composite closed with no children (its canonical form is a leaf), a glyph after the root is
 * complete and composites left open are all refused with their offset.
 */
public final class FullFormReader {

    private FullFormReader() {
    }

    /**
     * Reads exactly {@code glyphCount} glyphs from absolute index {@code from}, which must end exactly at
     * {@code end}.
     *
     * @param base absolute index of the stream's first byte, for error offsets
     */
    public static SemanticNode read(ByteBuffer in, int from, int end, int glyphCount, int base) {
        if (glyphCount < 1) {
            // Only a delta can spell out no glyphs (a frame's own count is at least 1): found by fuzzing.
            throw new MalformedStreamException("no glyphs: a tree needs at least one", from - base);
        }
        GlyphReader glyphs = new GlyphReader(in, from, end, base);
        List<Open> open = new ArrayList<>();
        SemanticNode root = null;
        for (int g = 0; g < glyphCount; g++) {
            if (!glyphs.hasMore()) {
                throw new MalformedStreamException("the header counts " + glyphCount + " glyphs but only " + g
                        + " are present", glyphs.position() - base);
            }
            glyphs.next();
            if (root != null) {
                throw new MalformedStreamException("glyph after the root is complete (a stream holds one tree)",
                        glyphs.streamOffset());
            }
            SemanticNode done = null;
            switch (glyphs.type()) {
                case COMPOSITE -> open.add(new Open(glyphs.id(), valueOf(glyphs), glyphs.streamOffset()));
                case PRIMITIVE -> {
                    if (glyphs.isEndMarker()) {
                        if (open.isEmpty()) {
                            throw new MalformedStreamException("end marker with no open composite",
                                    glyphs.streamOffset());
                        }
                        Open closed = open.remove(open.size() - 1);
                        if (closed.children.isEmpty()) {
                            throw new MalformedStreamException("composite closed with no children (a node without"
                                    + " children is written as a PRIMITIVE glyph)", closed.offset);
                        }
                        done = SemanticNode.of(closed.primitive, closed.value, closed.children);
                    } else {
                        String value = valueOf(glyphs);
                        done = value == null ? SemanticNode.leaf(glyphs.id()) : SemanticNode.leaf(glyphs.id(), value);
                    }
                }
                default -> throw new MalformedStreamException(glyphs.type() + " glyph inside a full-form tree",
                        glyphs.streamOffset());
            }
            if (done != null) {
                if (open.isEmpty()) {
                    root = done;
                } else {
                    open.get(open.size() - 1).children.add(done);
                }
            }
        }
        if (glyphs.hasMore()) {
            throw new MalformedStreamException((end - glyphs.position()) + " bytes left over after the " + glyphCount
                    + " counted glyphs", glyphs.position() - base);
        }
        if (!open.isEmpty()) {
            throw new MalformedStreamException(open.size() + " composite(s) still open when the glyphs end",
                    end - base);
        }
        return root;
    }

    private static String valueOf(GlyphReader glyph) {
        return glyph.hasPayload() ? glyph.payloadText() : null;
    }

    /** A composite whose end marker has not come yet. */
    private static final class Open {
        final int primitive;
        final String value;
        final int offset;
        final List<SemanticNode> children = new ArrayList<>();

        Open(int primitive, String value, int offset) {
            this.primitive = primitive;
            this.value = value;
            this.offset = offset;
        }
    }
}
