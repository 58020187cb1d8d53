package io.sigmalang.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The form read from a stream's first glyph agrees with the path the encoder itself counted for that message
 * (its statistics, read before and after each message): two independent accounts of one decision.
 */
class StreamFormTest {
    private static final SemanticNode LEARNED = SemanticNode.of(0x01, SemanticNode.leaf(0x10, "learned"));

    /** A codebook of one pattern, under the first learned id. */
    private static final Codebook ONE_PATTERN = new Codebook() {
        @Override
        public OptionalInt match(SemanticNode root) {
            return root.equals(LEARNED) ? OptionalInt.of(FIRST_LEARNED_ID) : OptionalInt.empty();
        }

        @Override
        public Optional<SemanticNode> expand(int id) {
            return id == FIRST_LEARNED_ID ? Optional.of(LEARNED) : Optional.empty();
        }
    };

    @Test
    void everyPathIsReadFromTheStreamAsTheEncoderCountedIt() {
        SemanticNode a = SemanticNode.of(0x01, SemanticNode.leaf(0x20, "write a python function"),
                SemanticNode.leaf(0x21, "to sort a list of numbers"), SemanticNode.leaf(0x22, "quickly"));
        SemanticNode nearA = SemanticNode.of(0x01, SemanticNode.leaf(0x20, "write a python function"),
                SemanticNode.leaf(0x21, "to sort a list of numbers"), SemanticNode.leaf(0x22, "slowly"));
        List<SemanticNode> messages = List.of(a, a, nearA, LEARNED, SemanticNode.leaf(0x30, "x"));
        Map<EncodingPath, Integer> seen = new EnumMap<>(EncodingPath.class);
        try (BufferPool pool = PoolCatalog.installed().create("fixed", Map.of());
                SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.defaults().withCodebook(ONE_PATTERN))) {
            for (SemanticNode message : messages) {
                Map<EncodingPath, Long> before = counts(encoder);
                byte[] stream = encoder.encode(SemanticTree.of(message));
                Map<EncodingPath, Long> after = counts(encoder);
                EncodingPath counted = null;
                for (EncodingPath path : EncodingPath.values()) {
                    if (after.get(path) - before.get(path) == 1) {
                        counted = path;
                    }
                }
                assertEquals(counted, StreamForm.of(stream), "message " + message);
                seen.merge(counted, 1, Integer::sum);
            }
        }
        assertEquals(EncodingPath.values().length, seen.size(), "every path taken at least once: " + seen);
    }

    private static Map<EncodingPath, Long> counts(SigmaEncoder encoder) {
        Map<EncodingPath, Long> counts = new EnumMap<>(EncodingPath.class);
        for (EncodingPath path : EncodingPath.values()) {
            counts.put(path, encoder.stats().paths().get(path).count());
        }
        return counts;
    }

    @Test
    void formsByHandFromTheFormatTable() {
        // Header 40 00 00 01, then the first glyph: PRIMITIVE 0x10 (00 0 10000), COMPOSITE (11 ...),
        // REFERENCE 0x0A with payload (01 1 01010 = 0x6a), REFERENCE escaped id 0x80 (01 0 11111, 0x80),
        // DELTA id 1 (10 0 00001 = 0x81). The CRC is not read.
        assertEquals(EncodingPath.FULL, StreamForm.of(hex("40000001102164")));
        assertEquals(EncodingPath.FULL, StreamForm.of(hex("40000003c1100b0000")));
        assertEquals(EncodingPath.BANK_REFERENCE, StreamForm.of(hex("400010016a040102030400 00")));
        assertEquals(EncodingPath.CODEBOOK, StreamForm.of(hex("400010015f800000")));
        assertEquals(EncodingPath.CONTEXT_DELTA, StreamForm.of(hex("40001002810000")));
    }

    @Test
    void aStreamWithoutAGlyphOrWithAnUnusedReferenceIdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StreamForm.of(hex("40000001")));
        assertThrows(IllegalArgumentException.class, () -> StreamForm.of(hex("400000015f")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StreamForm.of(hex("4000000141000000")))
                .getMessage().contains("REFERENCE glyph of id 1"));
    }

    private static byte[] hex(String text) {
        String digits = text.replace(" ", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
