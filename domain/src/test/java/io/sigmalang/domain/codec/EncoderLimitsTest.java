package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.format.TreeRejectedException;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the format cannot carry is refused before anything is written, naming the node; the rest round-trips. */
class EncoderLimitsTest {
    private final HeapTestPool pool = new HeapTestPool(4096);

    private static SemanticNode chain(int depth) {
        SemanticNode node = SemanticNode.leaf(0x10, "leaf");
        for (int i = 1; i < depth; i++) {
            node = SemanticNode.of(0x50, node);
        }
        return node;
    }

    private static SemanticNode wide(int leaves) {
        return SemanticNode.of(0x01, null, Collections.nCopies(leaves, SemanticNode.leaf(0x02)));
    }

    private SemanticNode roundTrip(SemanticNode tree) {
        byte[] stream;
        try (SigmaEncoder encoder = new SigmaEncoder(pool)) {
            stream = encoder.encode(SemanticTree.of(tree));
        }
        SemanticNode back = new SigmaDecoder().decode(stream).root();
        assertEquals(tree, back);
        assertEquals(0, pool.outstanding());
        return back;
    }

    @Test
    void chainOf2048IsTheDeepestStreamAndRoundTrips() {
        // 2048 nodes + 2047 end markers = 4095 glyphs, the 12-bit limit.
        roundTrip(chain(2048));
        TreeRejectedException e = assertThrows(TreeRejectedException.class,
                () -> new SigmaEncoder(pool).encode(SemanticTree.of(chain(2049))));
        assertEquals("root", e.nodePath());
        assertTrue(e.getMessage().contains("4097 glyphs"), e.getMessage());
    }

    @Test
    void wideTreesStopAt4095Glyphs() {
        roundTrip(wide(4093)); // 4094 nodes + 1 end marker
        assertThrows(TreeRejectedException.class, () -> new SigmaEncoder(pool).encode(SemanticTree.of(wide(4094))));
    }

    @Test
    void payloadOf32767BytesFitsAnd32768IsRefusedNamingTheNode() {
        roundTrip(SemanticNode.of(0x01, SemanticNode.leaf(0x02, "a".repeat(32767))));
        SemanticNode tooLong = SemanticNode.of(0x01, SemanticNode.leaf(0x02, "x"),
                SemanticNode.leaf(0x02, "é".repeat(16384)));
        TreeRejectedException e = assertThrows(TreeRejectedException.class,
                () -> new SigmaEncoder(pool).encode(SemanticTree.of(tooLong)));
        assertEquals("root/1", e.nodePath());
        assertTrue(e.getMessage().contains("32768 UTF-8 bytes"), e.getMessage());
    }

    @Test
    void leafWithPrimitive0x0BAndNoValueIsRefusedNamingTheNode() {
        SemanticNode tree = SemanticNode.of(0x01, SemanticNode.leaf(0x02),
                SemanticNode.of(0x03, SemanticNode.leaf(0x0B)));
        TreeRejectedException e = assertThrows(TreeRejectedException.class,
                () -> new SigmaEncoder(pool).encode(SemanticTree.of(tree)));
        assertEquals("root/1/0", e.nodePath());
        assertTrue(e.getMessage().contains("end marker"), e.getMessage());
        assertEquals(0, pool.acquires(), "nothing was written");
    }

    @Test
    void leafWithPrimitive0x0BAndAValueRoundTripsBelowTheRoot() {
        roundTrip(SemanticNode.of(0x01, SemanticNode.leaf(0x0B, ""), SemanticNode.of(0x0B, SemanticNode.leaf(0x0B,
                "v"))));
    }

    @Test
    void unpairedSurrogateIsRefused() {
        SemanticNode tree = SemanticNode.of(0x01, SemanticNode.leaf(0x02, "ok\uD800"));
        TreeRejectedException e = assertThrows(TreeRejectedException.class,
                () -> new SigmaEncoder(pool).encode(SemanticTree.of(tree)));
        assertEquals("root/0", e.nodePath());
        assertTrue(e.getMessage().contains("unpaired surrogate at char index 2"), e.getMessage());
    }

    @Test
    void aTreeHundredThousandLevelsDeepIsHandledWithoutRecursion() {
        SemanticNode a = chain(100_000);
        SemanticNode b = chain(100_000);
        assertEquals(100_000, a.depth());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(a.toString().length() > 500_000);
        assertEquals(100_000, a.preOrder().size());
        new io.sigmalang.domain.hash.SigmaHash().of(a);
        TreeRejectedException e = assertThrows(TreeRejectedException.class,
                () -> new SigmaEncoder(pool).encode(SemanticTree.of(a)));
        assertEquals("root", e.nodePath());
    }

    @Test
    void aRejectedTreeLeavesTheEncoderInStep() {
        SigmaEncoder encoder = new SigmaEncoder(pool);
        SigmaDecoder decoder = new SigmaDecoder();
        SemanticNode first = SemanticNode.leaf(0x10, "one");
        assertEquals(first, decoder.decode(encoder.encode(SemanticTree.of(first))).root());
        assertThrows(TreeRejectedException.class, () -> encoder.encode(SemanticTree.of(SemanticNode.leaf(0x0B))));
        SemanticNode second = SemanticNode.leaf(0x10, "two");
        assertEquals(second, decoder.decode(encoder.encode(SemanticTree.of(second))).root());
        assertEquals(2, encoder.stats().messages());
    }

    @Test
    void aTooSmallDestinationWritesNothingAndChangesNothing() {
        SigmaEncoder encoder = new SigmaEncoder(pool);
        SemanticTree tree = SemanticTree.of(SemanticNode.leaf(0x10, "hello"));
        ByteBuffer small = ByteBuffer.allocate(8);
        assertThrows(BufferOverflowException.class, () -> encoder.encode(tree, small));
        assertEquals(0, small.position());
        // The message's full form went into the window's buffer to plan it; refusing the destination released it.
        assertEquals(0, pool.outstanding());
        ByteBuffer big = ByteBuffer.allocate(64);
        big.position(3);
        int written = encoder.encode(tree, big);
        assertEquals(4 + 7 + 2, written); // header, glyph 30 05 "hello", CRC
        assertEquals(3 + written, big.position());
        big.flip().position(3);
        assertEquals(tree, new SigmaDecoder().decode(big));
    }

    @Test
    void aStreamLargerThanOneBufferIsChainedThroughThePool() {
        HeapTestPool tiny = new HeapTestPool(8);
        List<SemanticNode> kids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            kids.add(SemanticNode.leaf(0x10 + i % 20, "value " + i));
        }
        SemanticTree tree = SemanticTree.of(SemanticNode.of(0x01, null, kids));
        byte[] chained;
        try (SigmaEncoder encoder = new SigmaEncoder(tiny)) {
            chained = encoder.encode(tree);
        }
        byte[] single = new SigmaEncoder(new HeapTestPool(1 << 16)).encode(tree);
        assertEquals(java.util.HexFormat.of().formatHex(single), java.util.HexFormat.of().formatHex(chained));
        assertTrue(tiny.acquires() >= chained.length / 8, "one lease per 8 bytes, was " + tiny.acquires());
        assertEquals(0, tiny.outstanding());
        assertEquals(tree, new SigmaDecoder().decode(chained));
    }
}
