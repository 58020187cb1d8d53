package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.testing.CraftedStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The decoder's resource limits against crafted conversations: a well-formed, CRC-valid stream that stands for a
 * huge tree is refused before that tree is built or kept, and the decoder stays usable. The streams are written
 * byte by byte here from the format (docs/FORMAT.md), not by the encoder. These build real 134 MB trees (tagged
 * {@code slow}, left out of mutation runs); {@link DecoderLimitsBoundariesTest} checks each limit at its exact
 * boundary on small trees.
 */
@Tag("slow")
class DecoderLimitsTest {
    private static final int LEAF_BYTES = CraftedStreams.LEAF_BYTES;
    /** Message 1's full form: COMPOSITE 0x50 (2 bytes), the leaf (1 + 2 + 32,767 bytes), the end marker (1). */
    private static final long FIRST_FULL = 2 + 3 + LEAF_BYTES + 1;
    /** 4092 copies of the leaf between the root's glyph and its end marker: 4094 glyphs rebuilt. */
    private static final int COPIES = CraftedStreams.COPIES;
    private static final long BOMB_FULL = 2 + (long) COPIES * (3 + LEAF_BYTES) + 1;

    @Test
    void theCraftedStreamsAreWhatTheySay() {
        SigmaDecoder decoder = new SigmaDecoder(EncoderSettings.defaults(), unlimited());
        decoder.decode(CraftedStreams.bigLeafMessage());
        var tree = decoder.decode(CraftedStreams.leafCopiesDelta(1, 1));
        assertEquals(COPIES, tree.root().children().size());
        assertEquals(BOMB_FULL, 2 + (long) COPIES * (3 + LEAF_BYTES) + 1);
        assertEquals(12, CraftedStreams.copyAllDelta(2).length);
        assertEquals(COPIES, decoder.decode(CraftedStreams.copyAllDelta(2)).root().children().size());
    }

    @Test
    void aSmallConversationThatExpandsTooMuchIsRefusedBeforeTheTreeIsBuilt() {
        // A bank of 1 and a context of 1 hold one 134 MB tree at a time: the held bytes stay under their limit,
        // and each 12-byte copy of the previous message adds 134 MB to what the conversation decodes to.
        SigmaDecoder decoder = new SigmaDecoder(new EncoderSettings(true, 1, true, 1, Codebook.none()));
        long in = 0;
        for (byte[] message : new byte[][] {CraftedStreams.bigLeafMessage(), CraftedStreams.leafCopiesDelta(1, 1), CraftedStreams.copyAllDelta(2), CraftedStreams.copyAllDelta(3)}) {
            decoder.decode(message);
            in += message.length;
        }
        // After 4 messages: 32,773 + 3 × 134,094,843 bytes from 49,183: 8,180 per byte. A fifth copy: 10,905.
        long total = in + 12;
        DecoderLimitException e = assertThrows(DecoderLimitException.class, () -> decoder.decode(CraftedStreams.copyAllDelta(4)));
        assertEquals(DecoderLimits.Limit.CONVERSATION_EXPANSION, e.limit());
        assertEquals(10_000, e.value());
        assertEquals(49_193, total);
        assertEquals("with it the conversation decodes 49193 stream bytes to " + (FIRST_FULL + 4 * BOMB_FULL)
                + " full-form bytes, more than the limit of 10000 per stream byte", e.problem());
        assertEquals(4, decoder.messagesDecoded(), "the refused message changed nothing");
    }

    @Test
    void theTreesHeldAreBoundedByBytes() {
        SigmaDecoder decoder = new SigmaDecoder(EncoderSettings.defaults());
        decoder.decode(CraftedStreams.bigLeafMessage());
        decoder.decode(CraftedStreams.leafCopiesDelta(1, 1));
        // A second, different 134 MB tree would be held by the bank and the context: 4 × 134 MB + 32 KB. (Messages 1
        // and 2 share their Σ-hash, same primitives and same first 256 content bytes, so the bank replaced 1 by 2.)
        DecoderLimitException e = assertThrows(DecoderLimitException.class,
                () -> decoder.decode(CraftedStreams.leafCopiesDelta(2, 2, 0x51)));
        assertEquals(DecoderLimits.Limit.HELD_BYTES, e.limit());
        assertEquals(384L << 20, e.value());
        long held = FIRST_FULL + 4 * BOMB_FULL;
        assertTrue(e.problem().contains("hold " + held + " bytes of decoded trees, more than the limit of "
                + (384L << 20)), e.problem());
        assertEquals(2, decoder.messagesDecoded());
        // The decoder is as it was: the next message in sequence still decodes, here the same tree again.
        assertEquals(COPIES, decoder.decode(CraftedStreams.leafCopiesDelta(2, 1)).root().children().size());
    }

    @Test
    void heldBytesCreditWhatIsEvicted() {
        // With a bank of 1 tree and a context of 1 message, only the last tree is held, by both: after message 2
        // that is 2 × 134,094,843 bytes, message 1 having gone out of both as message 2 came in.
        EncoderSettings small = new EncoderSettings(true, 1, true, 1, Codebook.none());
        SigmaDecoder exact = new SigmaDecoder(small, new DecoderLimits(2 * BOMB_FULL, 1, 1, 1L << 24, 1L << 20));
        exact.decode(CraftedStreams.bigLeafMessage());
        exact.decode(CraftedStreams.leafCopiesDelta(1, 1));
        assertEquals(COPIES, exact.decode(CraftedStreams.copyAllDelta(2)).root().children().size(), "replaces, does not add");
        SigmaDecoder below = new SigmaDecoder(small, new DecoderLimits(2 * BOMB_FULL - 1, 1, 1, 1L << 24, 1L << 20));
        below.decode(CraftedStreams.bigLeafMessage());
        DecoderLimitException e = assertThrows(DecoderLimitException.class, () -> below.decode(CraftedStreams.leafCopiesDelta(1, 1)));
        assertEquals(DecoderLimits.Limit.HELD_BYTES, e.limit());
        assertTrue(e.problem().startsWith("keeping its tree (" + BOMB_FULL + " full-form bytes) would make the Σ-bank"
                + " and context hold " + 2 * BOMB_FULL + " bytes"), e.problem());
    }

    @Test
    void oneMessageThatExpandsTooMuchIsRefused() {
        // Message 2 decodes to 134,094,843 bytes from 16,378: an expansion of 8,187.5.
        byte[] delta = CraftedStreams.leafCopiesDelta(1, 1);
        assertEquals(16_378, delta.length);
        long exact = BOMB_FULL / delta.length; // 8187: the stream expands a little more, refused
        SigmaDecoder strict = new SigmaDecoder(EncoderSettings.defaults(),
                new DecoderLimits(1L << 40, 65536, 16, exact, 1L << 40));
        strict.decode(CraftedStreams.bigLeafMessage());
        DecoderLimitException e = assertThrows(DecoderLimitException.class, () -> strict.decode(delta));
        assertEquals(DecoderLimits.Limit.MESSAGE_EXPANSION, e.limit());
        assertEquals("the 16378-byte stream decodes to " + BOMB_FULL + " full-form bytes, more than the limit of 8187"
                + " per stream byte", e.problem());
        SigmaDecoder enough = new SigmaDecoder(EncoderSettings.defaults(),
                new DecoderLimits(1L << 40, 65536, 16, exact + 1, 1L << 40));
        enough.decode(CraftedStreams.bigLeafMessage());
        assertEquals(COPIES, enough.decode(delta).root().children().size());
    }

    @Test
    void aBankReferenceCountsTheTreeItStandsFor() {
        byte[] first = CraftedStreams.bigLeafMessage();
        SigmaEncoder encoder = new SigmaEncoder(new io.sigmalang.domain.testing.HeapTestPool(4096),
                EncoderSettings.defaults());
        SigmaDecoder plain = new SigmaDecoder(EncoderSettings.defaults());
        var tree = plain.decode(first);
        encoder.encode(tree);
        byte[] reference = encoder.encode(tree);
        assertEquals(12, reference.length, "a Σ-bank reference: header, 6-byte glyph, CRC");
        // 32,773 full-form bytes from 12: an expansion of 2,731.08.
        SigmaDecoder strict = new SigmaDecoder(EncoderSettings.defaults(),
                new DecoderLimits(1L << 40, 65536, 16, 2731, 1L << 40));
        strict.decode(first);
        assertEquals(DecoderLimits.Limit.MESSAGE_EXPANSION,
                assertThrows(DecoderLimitException.class, () -> strict.decode(reference)).limit());
        SigmaDecoder enough = new SigmaDecoder(EncoderSettings.defaults(),
                new DecoderLimits(1L << 40, 65536, 16, 2732, 1L << 40));
        enough.decode(first);
        assertEquals(tree, enough.decode(reference));
    }

    private static DecoderLimits unlimited() {
        return new DecoderLimits(Long.MAX_VALUE, 65536, 16, Long.MAX_VALUE, Long.MAX_VALUE);
    }
}
