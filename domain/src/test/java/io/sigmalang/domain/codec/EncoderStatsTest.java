package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.domain.testing.CraftedStreams;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import org.junit.jupiter.api.Test;

/**
 * The encoder's statistics after a conversation whose every stream is known by hand: the worked example
 * 0x50[0x10="f"] is 12 bytes in full form (4 header, 6 glyph bytes, 2 CRC). Repeated, it could be a Σ-bank
 * reference of 12 bytes (4 header, a 6-byte reference glyph, 2 CRC), but a context delta copying all 3 glyphs of
 * the previous message is smaller: 4 header, 81 and a0 02 00 03, 2 CRC = 11 bytes, and the smallest form wins.
 */
class EncoderStatsTest {
    private static final SemanticNode EXAMPLE = SemanticNode.of(0x50, SemanticNode.leaf(0x10, "f"));

    @Test
    void countsBytesAndPathsOfEveryMessage() {
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), EncoderSettings.defaults());
        assertEquals(12, encoder.encode(SemanticTree.parsedFrom(EXAMPLE, 5)).length);
        assertArrayEquals(CraftedStreams.stream(1, 2, new byte[] {(byte) 0x81, (byte) 0xA0, 2, 0, 3}),
                encoder.encode(SemanticTree.parsedFrom(EXAMPLE, 5)));
        assertEquals(11, encoder.encode(SemanticTree.parsedFrom(EXAMPLE, 6)).length);
        EncoderStats s = encoder.stats();
        assertEquals(3, s.messages());
        assertEquals(16, s.inputBytes());
        assertEquals(3, s.inputMessages());
        assertEquals(36, s.fullFormBytes(), "3 × 12: what they would have taken in full form");
        assertEquals(34, s.outputBytes());
        assertEquals(1, s.paths().get(EncodingPath.FULL).count());
        assertEquals(12, s.paths().get(EncodingPath.FULL).bytes());
        assertEquals(2, s.paths().get(EncodingPath.CONTEXT_DELTA).count());
        assertEquals(22, s.paths().get(EncodingPath.CONTEXT_DELTA).bytes());
        assertEquals(0, s.paths().get(EncodingPath.BANK_REFERENCE).count());
        assertEquals(0, s.paths().get(EncodingPath.CODEBOOK).count());
        assertEquals(2, s.bankHits(), "found, though the delta won");
        assertEquals(1, s.bankMisses());
        assertEquals(0, s.bankCollisions());
        assertEquals(1, s.bankSize());
        assertEquals(1024, s.bankCapacity());
        assertEquals(3, s.contextDepth(), "three messages held as bases (of at most 4)");
        assertEquals(34.0 / 16, s.ratio(), 1e-12, "output bytes over source bytes");
        assertEquals(34.0 / 36, s.ratioToFullForm(), 1e-12);
    }

    @Test
    void withoutSourceSizesTheRatioIsNotANumber() {
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), EncoderSettings.fullFormOnly());
        encoder.encode(SemanticTree.of(EXAMPLE));
        EncoderStats s = encoder.stats();
        assertEquals(Double.NaN, s.ratio());
        assertEquals(0, s.bankSize());
        assertEquals(0, s.contextDepth());
        assertEquals(1, s.paths().get(EncodingPath.FULL).count());
    }
}
