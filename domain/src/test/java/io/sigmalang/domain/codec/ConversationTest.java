package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.hash.SigmaHash;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.testing.RandomTrees;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole conversations: every stream decodes, in order, to exactly the tree that was encoded. */
class ConversationTest {

    private static List<byte[]> encodeAll(SigmaEncoder encoder, List<SemanticNode> messages) {
        List<byte[]> out = new ArrayList<>();
        for (SemanticNode m : messages) {
            out.add(encoder.encode(SemanticTree.of(m)));
        }
        return out;
    }

    private static void assertDecodes(EncoderSettings settings, List<SemanticNode> messages, List<byte[]> streams) {
        SigmaDecoder decoder = new SigmaDecoder(settings);
        for (int i = 0; i < messages.size(); i++) {
            assertEquals(messages.get(i), decoder.decode(streams.get(i)).root(), "message " + i);
        }
    }

    /** A conversation that revisits earlier messages and edits them, as chats do. */
    private static List<SemanticNode> conversation(RandomTrees trees, int length) {
        List<SemanticNode> messages = new ArrayList<>();
        Random r = trees.random();
        for (int i = 0; i < length; i++) {
            int kind = messages.isEmpty() ? 0 : r.nextInt(3);
            SemanticNode earlier = messages.isEmpty() ? null : messages.get(r.nextInt(messages.size()));
            messages.add(switch (kind) {
                case 0 -> trees.tree(40);
                case 1 -> earlier;
                default -> trees.mutate(earlier);
            });
        }
        return messages;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomConversationsRoundTripWithEverySetting(long seed) {
        RandomTrees trees = new RandomTrees(seed);
        Random r = trees.random();
        EncoderSettings settings = EncoderSettings.defaults()
                .withBank(r.nextInt(4) != 0, 1 + r.nextInt(6))
                .withDelta(r.nextInt(4) != 0, 1 + r.nextInt(5));
        List<SemanticNode> messages = conversation(trees, 60);
        HeapTestPool pool = new HeapTestPool(16 + r.nextInt(200));
        SigmaEncoder encoder = new SigmaEncoder(pool, settings);
        List<byte[]> streams = encodeAll(encoder, messages);
        assertDecodes(settings, messages, streams);
        EncoderStats stats = encoder.stats();
        encoder.close();
        assertEquals(0, pool.outstanding(), "closing the encoder released its window");
        assertEquals(60, stats.messages());
        assertEquals(streams.stream().mapToLong(s -> s.length).sum(), stats.outputBytes());
        assertEquals(60, stats.paths().values().stream().mapToLong(PathStats::count).sum());
    }

    @Test
    void theBytesDoNotDependOnThePool() {
        List<SemanticNode> messages = conversation(new RandomTrees(99), 80);
        List<byte[]> reference = encodeAll(new SigmaEncoder(new HeapTestPool(4096)), messages);
        for (int bufferSize : new int[] {1, 7, 64, 100_000}) {
            List<byte[]> other = encodeAll(new SigmaEncoder(new HeapTestPool(bufferSize)), messages);
            for (int i = 0; i < messages.size(); i++) {
                assertArrayEquals(reference.get(i), other.get(i), "message " + i + " with buffers of " + bufferSize);
            }
        }
    }

    @Test
    void aBankSmallerThanTheConversationStillResolvesEveryReference() {
        // Six distinct trees, revisited in an order that keeps evicting: only trees still held are referenced.
        List<SemanticNode> distinct = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            distinct.add(SemanticNode.of(0x50, SemanticNode.leaf(0x10, "function number " + i),
                    SemanticNode.leaf(0x70, "a list of things to sort, item " + i)));
        }
        int[] order = {0, 1, 2, 0, 3, 4, 0, 5, 1, 0, 2, 2, 5, 4, 3, 0, 1, 1, 1, 5};
        List<SemanticNode> messages = new ArrayList<>();
        for (int i : order) {
            messages.add(distinct.get(i));
        }
        EncoderSettings settings = EncoderSettings.defaults().withBank(true, 3).withDelta(false, 1);
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), settings);
        List<byte[]> streams = encodeAll(encoder, messages);
        assertDecodes(settings, messages, streams);
        // With capacity 3, recorded in order, a revisit hits only when fewer than 3 other trees came since.
        // Counted by hand over `order`: hits at positions 3, 6, 9, 11, 17, 18 -> 6.
        assertEquals(6, encoder.stats().paths().get(EncodingPath.BANK_REFERENCE).count());
        assertEquals(3, encoder.stats().bankSize());
    }

    @Test
    void aRepeatedMessageBecomesATwelveByteReference() {
        SemanticNode tree = SemanticNode.of(0x60, SemanticNode.leaf(0x18, "python"),
                SemanticNode.leaf(0x70, "how do I reverse a list"));
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), EncoderSettings.defaults().withDelta(false, 1));
        byte[] first = encoder.encode(SemanticTree.of(tree));
        byte[] second = encoder.encode(SemanticTree.of(tree));
        assertEquals(12, second.length); // header 4, glyph 6a 04 + 4 hash bytes, CRC 2
        assertEquals(0x6a, second[4] & 0xFF); // REFERENCE, payload flag, id 0x0A
        assertTrue(first.length > 12);
        assertEquals(1, encoder.stats().bankHits());
    }

    @Test
    void similarMessagesTravelAsDeltas() {
        List<SemanticNode> messages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            messages.add(SemanticNode.of(0x50, SemanticNode.leaf(0x18, "python"),
                    SemanticNode.of(0x10, SemanticNode.leaf(0x5A, "sort"), SemanticNode.leaf(0x70, "list")),
                    SemanticNode.leaf(0x0F, "please write a function that sorts a list, version " + i)));
        }
        EncoderSettings settings = EncoderSettings.defaults();
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), settings);
        List<byte[]> streams = encodeAll(encoder, messages);
        assertDecodes(settings, messages, streams);
        EncoderStats stats = encoder.stats();
        // Full form, counted by hand: df50 (2) + 18 "python" (8) + d0 (1) + 1f5a "sort" (7) + 1f70 "list" (7)
        // + 0b (1) + 0f with 52 bytes of text (54) + 0b (1) = 81 glyph bytes, + header 4 + CRC 2 = 87.
        // Delta: header 4 + base glyph 81 (1) + copy of glyphs 0..5 (a0 02 00 06: 4) + the changed leaf (54)
        // + the closing 0b as a literal (1; a copy would take 4) + CRC 2 = 66.
        assertEquals(87, streams.get(0).length);
        for (int i = 1; i < 10; i++) {
            assertEquals(66, streams.get(i).length, "message " + i);
            assertEquals(0x81, streams.get(i)[4] & 0xFF, "delta against the previous message");
        }
        assertEquals(9, stats.paths().get(EncodingPath.CONTEXT_DELTA).count());
    }

    @Test
    void aHashCollisionFallsThroughAndNeverDecodesToTheOtherTree() {
        SemanticNode[] pair = collidingPair();
        SemanticNode a = pair[0];
        SemanticNode b = pair[1];
        EncoderSettings settings = EncoderSettings.defaults().withDelta(false, 1);
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), settings);
        List<SemanticNode> messages = List.of(a, b, b, a, a);
        List<byte[]> streams = encodeAll(encoder, messages);
        assertDecodes(settings, messages, streams);
        EncoderStats stats = encoder.stats();
        assertEquals(2, stats.bankCollisions()); // b over a, then a over b
        assertEquals(2, stats.paths().get(EncodingPath.BANK_REFERENCE).count()); // the second b, the second a
    }

    /** Two different one-leaf trees with the same Σ-hash, found by a birthday search over fixed values. */
    private static SemanticNode[] collidingPair() {
        SigmaHash hash = new SigmaHash();
        Map<Integer, SemanticNode> seen = new HashMap<>();
        for (int i = 0; i < 2_000_000; i++) {
            SemanticNode n = SemanticNode.leaf(0x10, "collision candidate " + i);
            SemanticNode before = seen.putIfAbsent(hash.of(n), n);
            if (before != null) {
                assertNotEquals(before, n);
                return new SemanticNode[] {before, n};
            }
        }
        throw new AssertionError("no collision among 2,000,000 values");
    }

    @Test
    void aCodebookPatternIsSentAsOneGlyphOnlyWhenItExpandsToTheTree() {
        SemanticNode greeting = SemanticNode.of(0x61, SemanticNode.leaf(0x0F, "hello, how can I help you today?"));
        SemanticNode other = SemanticNode.of(0x61, SemanticNode.leaf(0x0F, "goodbye"));
        Codebook book = new Codebook() {
            @Override
            public OptionalInt match(SemanticNode root) {
                // Claims both trees; only the first really expands back to itself.
                return root.primitive() == 0x61 ? OptionalInt.of(0x80) : OptionalInt.empty();
            }

            @Override
            public Optional<SemanticNode> expand(int id) {
                return id == 0x80 ? Optional.of(greeting) : Optional.empty();
            }
        };
        EncoderSettings settings = EncoderSettings.defaults().withCodebook(book);
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), settings);
        List<SemanticNode> messages = List.of(greeting, other);
        List<byte[]> streams = encodeAll(encoder, messages);
        assertEquals(8, streams.get(0).length); // header, 5f 80, CRC
        assertDecodes(settings, messages, streams);
        assertEquals(1, encoder.stats().paths().get(EncodingPath.CODEBOOK).count());
        MalformedStreamException e = assertThrows(MalformedStreamException.class,
                () -> new SigmaDecoder(EncoderSettings.defaults()).decode(streams.get(0)));
        assertTrue(e.problem().contains("codebook"), e.getMessage());
    }

    @Test
    void streamsMustArriveInOrderAndAFailureLeavesTheDecoderUnchanged() {
        List<SemanticNode> messages = conversation(new RandomTrees(5), 6);
        List<byte[]> streams = encodeAll(new SigmaEncoder(new HeapTestPool(4096)), messages);
        SigmaDecoder decoder = new SigmaDecoder();
        decoder.decode(streams.get(0));
        MalformedStreamException skipped = assertThrows(MalformedStreamException.class,
                () -> decoder.decode(streams.get(2)));
        assertTrue(skipped.problem().contains("out of sequence"), skipped.getMessage());
        byte[] corrupt = streams.get(1).clone();
        corrupt[corrupt.length - 1] ^= 1;
        assertThrows(MalformedStreamException.class, () -> decoder.decode(corrupt));
        for (int i = 1; i < messages.size(); i++) {
            assertEquals(messages.get(i), decoder.decode(streams.get(i)).root(), "message " + i);
        }
    }

    @Test
    void aDecoderWhoseSettingsDifferReportsInsteadOfGuessing() {
        SemanticNode tree = SemanticNode.leaf(0x10, "repeat me, I am long enough to be worth a reference");
        List<byte[]> streams = encodeAll(new SigmaEncoder(new HeapTestPool(4096)), List.of(tree, tree));
        SigmaDecoder noBank = new SigmaDecoder(EncoderSettings.fullFormOnly());
        noBank.decode(streams.get(0));
        MalformedStreamException e = assertThrows(MalformedStreamException.class, () -> noBank.decode(streams.get(1)));
        assertTrue(e.problem().contains("bank is off"), e.getMessage());
    }
}
