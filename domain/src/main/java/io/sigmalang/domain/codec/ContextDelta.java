package io.sigmalang.domain.codec;

import io.sigmalang.domain.wire.ByteSink;
import io.sigmalang.domain.wire.GlyphReader;
import io.sigmalang.domain.wire.GlyphType;
import io.sigmalang.domain.wire.Glyphs;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.wire.StreamFrame;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The context-delta form: a message written as runs of glyphs copied from a recent message's full form,
 * interleaved with literal glyphs.
 *
 * <pre>
 * glyph 0       DELTA, id = d (1..16), no payload     the base: the message d streams back
 * then, any mix of
 *   literal     a PRIMITIVE or COMPOSITE glyph (end markers included), exactly as in the full form
 *   copy        DELTA, id 0, payload = start, count   glyphs start .. start+count-1 of the base's full form
 *                                                      (two unsigned LEB128 numbers, nothing else)
 * </pre>
 *
 * <p>Decoding concatenates the literals and the copied glyphs, which must give the full form of a tree
 * (at most 4095 glyphs); that full form is then read exactly like a full-form stream, so a delta can only
 * ever decode to a tree whose full form it spells out glyph for glyph. The encoder uses a delta only when the
 * stream is smaller than the full-form stream.
 *
 * <p>Search: greedy, left to right; at each glyph the longest run in the base starting with an equal glyph
 * (among at most {@value DeltaBase#MAX_POSITIONS_PER_GLYPH} candidate starts) becomes a copy when its bytes
 * outweigh the copy glyph, else the glyph is a literal. The work is bounded by the candidates per glyph times
 * the glyphs, whatever the trees.
 */
final class ContextDelta {
    static final int COPY_ID = 0;

    private static final int LITERAL = 0;
    private static final int COPY = 1;

    /** Chosen operations as (kind, a, b) triples: literal (glyph index, -) or copy (start, count). */
    private int[] ops = new int[24];
    private int opCount;
    private int[] bestOps = new int[24];
    private int bestOpCount;
    private int bestDistance;
    private long bestSize;
    private int bestGlyphs;
    /** The content hash of each glyph of the message being planned; reused from message to message. */
    private long[] hashes = new long[16];

    /**
     * Finds the smallest delta of the message against each base in the context.
     *
     * @return the stream size of the best delta, or -1 when there is no usable delta
     */
    long plan(DeltaBase message, ContextWindow context) {
        bestSize = -1;
        if (hashes.length < message.count) {
            hashes = new long[Math.max(message.count, hashes.length * 2)];
        }
        for (int i = 0; i < message.count; i++) {
            hashes[i] = message.glyphHash(i);
        }
        for (int d = 1; d <= context.size(); d++) {
            long size = planAgainst(message, hashes, context.get(d));
            int glyphs = 1 + opCount / 3;
            if (size >= 0 && glyphs <= Glyphs.MAX_GLYPHS && (bestSize < 0 || size < bestSize)) {
                bestSize = size;
                bestDistance = d;
                bestGlyphs = glyphs;
                int[] swap = bestOps;
                bestOps = ops;
                ops = swap;
                bestOpCount = opCount;
            }
        }
        return bestSize;
    }

    int glyphCount() {
        return bestGlyphs;
    }

    /** Writes the glyphs of the delta last planned (header and CRC excluded). */
    void write(DeltaBase message, ByteSink out) {
        Glyphs.writeHead(out, GlyphType.DELTA, bestDistance, -1);
        for (int k = 0; k < bestOpCount; k += 3) {
            if (bestOps[k] == LITERAL) {
                int g = bestOps[k + 1];
                for (int i = message.starts[g]; i < message.starts[g + 1]; i++) {
                    out.write(message.byteAt(i));
                }
            } else {
                int start = bestOps[k + 1];
                int count = bestOps[k + 2];
                Glyphs.writeHead(out, GlyphType.DELTA, COPY_ID, varintLength(start) + varintLength(count));
                writeVarint(out, start);
                writeVarint(out, count);
            }
        }
    }

    private long planAgainst(DeltaBase message, long[] hashes, DeltaBase base) {
        opCount = 0;
        long size = Glyphs.HEADER_BYTES + Glyphs.glyphLength(1, -1) + Glyphs.CRC_BYTES;
        int i = 0;
        while (i < message.count) {
            int bestLen = 0;
            int bestStart = -1;
            int bestBytes = 0;
            int candidates = 0;
            for (int j = base.firstPosition(hashes[i]); j >= 0 && candidates < DeltaBase.MAX_POSITIONS_PER_GLYPH;
                    j = base.nextPosition(j), candidates++) {
                int len = 0;
                while (i + len < message.count && j + len < base.count
                        && message.sameGlyph(i + len, base, j + len)) {
                    len++;
                }
                int bytes = message.starts[i + len] - message.starts[i];
                if (bytes > bestBytes) {
                    bestBytes = bytes;
                    bestLen = len;
                    bestStart = j;
                }
            }
            int copyCost = bestLen == 0 ? Integer.MAX_VALUE : copyGlyphLength(bestStart, bestLen);
            if (bestBytes > copyCost) {
                add(COPY, bestStart, bestLen);
                size += copyCost;
                i += bestLen;
            } else {
                add(LITERAL, i, 0);
                size += message.starts[i + 1] - message.starts[i];
                i++;
            }
        }
        return size;
    }

    private void add(int kind, int a, int b) {
        if (opCount + 3 > ops.length) {
            ops = Arrays.copyOf(ops, ops.length * 2);
        }
        ops[opCount++] = kind;
        ops[opCount++] = a;
        ops[opCount++] = b;
    }

    static int copyGlyphLength(int start, int count) {
        return Glyphs.glyphLength(COPY_ID, varintLength(start) + varintLength(count));
    }

    static int varintLength(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    private static void writeVarint(ByteSink out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write(v & 0x7F | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    /** The full-form glyphs a delta stream spells out. */
    record Rebuilt(byte[] glyphs, int glyphCount) {
    }

    /**
     * Rebuilds the full-form glyph bytes a delta stream spells out, checking every glyph. A first pass checks
     * the copies against the base actually held and sizes the result, a second pass copies: nothing is
     * allocated from a number in the stream before it has been checked, and {@code admit} is given the size
     * (and may throw) before the result is allocated.
     */
    static Rebuilt rebuild(ByteBuffer in, StreamFrame frame, ContextWindow context, LongConsumer admit) {
        GlyphReader first = new GlyphReader(in, frame.glyphsFrom(), frame.glyphsEnd(), frame.base());
        first.next();
        int distance = first.id();
        if (first.type() != GlyphType.DELTA || first.hasPayload() || distance < 1) {
            throw new MalformedStreamException("a delta must start with a DELTA glyph naming its base (id 1.."
                    + EncoderSettings.MAX_CONTEXT_DEPTH + ", no payload)", first.streamOffset());
        }
        DeltaBase base = context.get(distance);
        if (base == null) {
            throw new MalformedStreamException("delta against the message " + distance + " back, but this decoder"
                    + " holds " + context.size() + " earlier message(s) as bases", first.streamOffset());
        }
        int mark = first.position();
        long[] sized = scan(in, first, frame, base, null);
        admit.accept(sized[1]);
        byte[] out = new byte[(int) sized[1]];
        scan(in, new GlyphReader(in, mark, frame.glyphsEnd(), frame.base()), frame, base, out);
        return new Rebuilt(out, (int) sized[0]);
    }

    /** Reads the glyphs after the first; copies them into {@code out} when given. Returns {glyphs, bytes}. */
    private static long[] scan(ByteBuffer in, GlyphReader reader, StreamFrame frame, DeltaBase base, byte[] out) {
        long count = 0;
        int at = 0;
        long[] range = new long[2];
        for (int g = 1; g < frame.glyphCount(); g++) {
            if (!reader.hasMore()) {
                throw new MalformedStreamException("the header counts " + frame.glyphCount() + " glyphs but only " + g
                        + " are present", reader.position() - frame.base());
            }
            reader.next();
            int from;
            int to;
            boolean copied;
            if (reader.type() == GlyphType.DELTA) {
                readCopy(in, reader, base, range);
                count += range[1];
                from = base.starts[(int) range[0]];
                to = base.starts[(int) (range[0] + range[1])];
                copied = true;
            } else if (reader.type() == GlyphType.REFERENCE) {
                throw new MalformedStreamException("REFERENCE glyph inside a delta", reader.streamOffset());
            } else {
                count++;
                from = reader.start();
                to = reader.position();
                copied = false;
            }
            if (count > Glyphs.MAX_GLYPHS) {
                throw new MalformedStreamException("the delta rebuilds more than " + Glyphs.MAX_GLYPHS + " glyphs",
                        reader.streamOffset());
            }
            if (out != null) {
                if (copied) {
                    base.copy(from, to, out, at);
                } else {
                    in.get(from, out, at, to - from);
                }
            }
            at += to - from;
        }
        if (reader.hasMore()) {
            throw new MalformedStreamException((frame.glyphsEnd() - reader.position()) + " bytes left over after the "
                    + frame.glyphCount() + " counted glyphs", reader.position() - frame.base());
        }
        return new long[] {count, at};
    }

    /** Reads a copy glyph's start and count into {@code range}, checked against the base. */
    private static void readCopy(ByteBuffer in, GlyphReader reader, DeltaBase base, long[] range) {
        if (reader.id() != COPY_ID || !reader.hasPayload()) {
            throw new MalformedStreamException("a DELTA glyph after the first must be a copy (id 0 with a payload)",
                    reader.streamOffset());
        }
        int p = reader.payloadOffset();
        int end = p + reader.payloadLength();
        for (int k = 0; k < 2; k++) {
            long v = 0;
            int shift = 0;
            while (true) {
                if (p >= end || shift > 28) {
                    throw new MalformedStreamException("copy glyph payload is not two LEB128 numbers",
                            reader.streamOffset());
                }
                int b = in.get(p++) & 0xFF;
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            range[k] = v;
        }
        if (p != end) {
            throw new MalformedStreamException("copy glyph payload has bytes after its two numbers",
                    reader.streamOffset());
        }
        if (range[1] < 1 || range[0] + range[1] > base.count) {
            throw new MalformedStreamException("copy of " + range[1] + " glyph(s) from glyph " + range[0]
                    + " but the base has " + base.count + " glyphs", reader.streamOffset());
        }
    }
}
