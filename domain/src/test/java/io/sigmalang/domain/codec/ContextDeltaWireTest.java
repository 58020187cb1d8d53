package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.testing.CraftedStreams;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.testing.Vectors;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The context-delta form on the wire, byte for byte, with the expected streams derived by hand from
 * docs/FORMAT.md: copies whose start and count need two-byte LEB128 numbers, the smallest delta among the bases,
 * and every way a delta can be malformed, with its offset.
 */
class ContextDeltaWireTest {

    /** 0x50 over 300 leaves 0x10 = "w0" .. "w299", with leaf {@code changed} (if any) valued "zz". */
    private static SemanticTree wide(int changed) {
        List<SemanticNode> leaves = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            leaves.add(SemanticNode.leaf(0x10, i == changed ? "zz" : "w" + i));
        }
        return SemanticTree.of(SemanticNode.of(0x50, null, leaves));
    }

    private static byte[] stream(int contextId, int glyphs, String hex) {
        return CraftedStreams.stream(contextId, glyphs, Vectors.hex(hex));
    }

    @Test
    void copiesOfMoreThan127GlyphsUseTwoByteNumbers() {
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), EncoderSettings.defaults());
        encoder.encode(wide(-1));
        byte[] delta = encoder.encode(wide(150));
        // Glyphs: 0 root, 1..300 the leaves, 301 the end marker. Against the previous message:
        //   copy 0..150 (root and leaves 0..149): start 0 = 00, count 151 = 97 01   -> a0 03 00 97 01
        //   literal leaf "zz"                                                         -> 30 02 7a 7a
        //   copy 152..301 (leaves 151..299 and the end marker): start 152 = 98 01, count 150 = 96 01
        //                                                                            -> a0 04 98 01 96 01
        // Header: version 1, context id 1, 4 glyphs (the base glyph 81 and the three above).
        assertArrayEquals(stream(1, 4, "81" + "a0030097 01".replace(" ", "") + "30027a7a" + "a0049801 9601"
                .replace(" ", "")), delta);
        SigmaDecoder decoder = new SigmaDecoder();
        decoder.decode(new SigmaEncoder(new HeapTestPool(4096), EncoderSettings.defaults()).encode(wide(-1)));
        assertEquals(wide(150), decoder.decode(delta));
    }

    @Test
    void theSmallestDeltaAmongTheBasesIsChosen() {
        EncoderSettings noBank = new EncoderSettings(false, 1024, true, 4, Codebook.none());
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), noBank);
        SigmaDecoder decoder = new SigmaDecoder(noBank);
        decoder.decode(encoder.encode(wide(-1)));
        decoder.decode(encoder.encode(wide(150)));
        byte[] again = encoder.encode(wide(-1));
        // Against message 2 (one back): copy, literal "w150", copy: 18 glyph bytes. Against message 1 (two back):
        // one copy of all 302 glyphs, start 0 = 00, count 302 = ae 02: 6 glyph bytes. The smaller wins.
        assertArrayEquals(stream(2, 2, "82" + "a00300ae02"), again);
        assertEquals(wide(-1), decoder.decode(again));
        EncoderStats stats = encoder.stats();
        assertEquals(2, stats.paths().get(EncodingPath.CONTEXT_DELTA).count());
        assertEquals(1, stats.paths().get(EncodingPath.FULL).count());
    }

    /** A decoder that has decoded the worked example 0x50[0x10="f"]: a base of 3 glyphs (df50, 300166, 0b). */
    private static SigmaDecoder afterWorkedExample() {
        SigmaDecoder decoder = new SigmaDecoder();
        decoder.decode(Vectors.hex("40000003df503001660b341a"));
        return decoder;
    }

    private static MalformedStreamException refused(SigmaDecoder decoder, byte[] stream) {
        return assertThrows(MalformedStreamException.class, () -> decoder.decode(stream));
    }

    @Test
    void aValidCopyOfTheWholeBaseDecodes() {
        assertEquals(Vectors.hex("40000003df503001660b341a").length, 12);
        assertEquals("0x50[0x10=\"f\"]", afterWorkedExample().decode(stream(1, 2, "81a0020003")).toString());
    }

    @Test
    void malformedCopiesAreRefusedAtTheCopyGlyph() {
        SigmaDecoder decoder = afterWorkedExample();
        // The copy glyph starts at stream byte 5: 4 header bytes, then the base glyph 81.
        MalformedStreamException past = refused(decoder, stream(1, 2, "81a0020103"));
        assertEquals("copy of 3 glyph(s) from glyph 1 but the base has 3 glyphs", past.problem());
        assertEquals(5, past.offset());
        MalformedStreamException none = refused(decoder, stream(1, 2, "81a0020000"));
        assertEquals("copy of 0 glyph(s) from glyph 0 but the base has 3 glyphs", none.problem());
        MalformedStreamException extra = refused(decoder, stream(1, 2, "81a003000300"));
        assertEquals("copy glyph payload has bytes after its two numbers", extra.problem());
        assertEquals(5, extra.offset());
        MalformedStreamException cut = refused(decoder, stream(1, 2, "81a00180"));
        assertEquals("copy glyph payload is not two LEB128 numbers", cut.problem());
        MalformedStreamException oneNumber = refused(decoder, stream(1, 2, "81a00103"));
        assertEquals("copy glyph payload is not two LEB128 numbers", oneNumber.problem());
        // Five continuation bytes: more than the 35 bits a count could need.
        MalformedStreamException tooLong = refused(decoder, stream(1, 2, "81a00780808080800103"));
        assertEquals("copy glyph payload is not two LEB128 numbers", tooLong.problem());
        // Five groups of 7 bits is still a number (here start 0 written long), then count 3: accepted.
        assertEquals("0x50[0x10=\"f\"]", decoder.decode(stream(1, 2, "81a006808080800003")).toString());
    }

    @Test
    void aDeltaGlyphThatIsNoCopyIsRefused() {
        SigmaDecoder decoder = afterWorkedExample();
        String expected = "a DELTA glyph after the first must be a copy (id 0 with a payload)";
        assertEquals(expected, refused(decoder, stream(1, 2, "8182")).problem());
        assertEquals(expected, refused(decoder, stream(1, 2, "8180")).problem());
        MalformedStreamException id1 = refused(decoder, stream(1, 2, "81a1020003"));
        assertEquals(expected, id1.problem());
        assertEquals(5, id1.offset());
        MalformedStreamException reference = refused(decoder, stream(1, 2, "814a"));
        assertEquals("REFERENCE glyph inside a delta", reference.problem());
        assertEquals(5, reference.offset());
    }

    @Test
    void aDeltaThatSpellsOutNoGlyphsIsRefused() {
        // Found by StreamDecoderFuzzTest: a delta of its base glyph alone rebuilt an empty full form, and the decoder
        // returned a tree without a root (a NullPointerException for its caller).
        MalformedStreamException e = refused(afterWorkedExample(), stream(1, 1, "81"));
        assertEquals("the delta rebuilds an invalid tree: no glyphs: a tree needs at least one (at byte 0 of the"
                + " rebuilt glyphs)", e.problem());
        assertEquals(4, e.offset());
    }

    @Test
    void theBaseGlyphIsChecked() {
        SigmaDecoder decoder = afterWorkedExample();
        MalformedStreamException far = refused(decoder, stream(1, 2, "82a0020003"));
        assertEquals("delta against the message 2 back, but this decoder holds 1 earlier message(s) as bases",
                far.problem());
        assertEquals(4, far.offset());
        assertEquals("a delta must start with a DELTA glyph naming its base (id 1..16, no payload)",
                refused(decoder, stream(1, 2, "a10100a0020003")).problem());
        assertEquals("a delta must start with a DELTA glyph naming its base (id 1..16, no payload)",
                refused(decoder, stream(1, 1, "80")).problem());
    }

    @Test
    void glyphCountsThatDisagreeWithTheBytesAreRefused() {
        SigmaDecoder decoder = afterWorkedExample();
        MalformedStreamException over = refused(decoder, stream(1, 2, "81a0020003" + "0b"));
        assertEquals("1 bytes left over after the 2 counted glyphs", over.problem());
        assertEquals(9, over.offset(), "the byte after the copy glyph (5..8)");
        MalformedStreamException under = refused(decoder, stream(1, 3, "81a0020003"));
        assertEquals("the header counts 3 glyphs but only 2 are present", under.problem());
        assertEquals(9, under.offset());
        // After all of this the decoder still takes the next message in sequence.
        assertEquals("0x50[0x10=\"f\"]", decoder.decode(stream(1, 2, "81a0020003")).toString());
    }

    @Test
    void offsetsCountFromTheStreamsFirstByteWhereverItSits() {
        SigmaDecoder decoder = afterWorkedExample();
        byte[] bad = stream(1, 2, "81a0020103");
        byte[] padded = new byte[7 + bad.length + 5];
        System.arraycopy(bad, 0, padded, 7, bad.length);
        ByteBuffer at7 = ByteBuffer.wrap(padded, 7, bad.length);
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> decoder.decode(at7));
        assertEquals(5, e.offset());
        byte[] crc = bad.clone();
        crc[crc.length - 1] ^= 1;
        System.arraycopy(crc, 0, padded, 7, crc.length);
        MalformedStreamException crcError = assertThrows(MalformedStreamException.class,
                () -> decoder.decode(ByteBuffer.wrap(padded, 7, crc.length)));
        assertEquals(crc.length - 2, crcError.offset());
        byte[] good = stream(1, 2, "81a0020003");
        System.arraycopy(good, 0, padded, 7, good.length);
        assertEquals("0x50[0x10=\"f\"]", decoder.decode(ByteBuffer.wrap(padded, 7, good.length)).toString());
    }
}
