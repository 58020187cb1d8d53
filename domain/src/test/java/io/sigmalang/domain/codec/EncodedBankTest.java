package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.domain.tree.SemanticNode;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The encoder's bank of full forms keeps exactly the membership of the decoder's bank of trees (the
 * {@link SigmaBank} the decoder resolves references with, a LinkedHashMap): the two must agree after every
 * message, or a reference would not resolve.
 */
class EncodedBankTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void holdsWhatTheDecodersBankHoldsAfterEveryRecord(int capacity) {
        Random r = new Random(capacity);
        EncodedBank encoded = new EncodedBank(capacity);
        SigmaBank trees = new SigmaBank(capacity);
        for (int step = 0; step < 20_000; step++) {
            int hash = r.nextInt(capacity * 3) * 0x10001; // few distinct hashes, many re-records and evictions
            String value = "v" + r.nextInt(4);              // the same hash with different trees: collisions
            SemanticNode tree = SemanticNode.leaf(0x10, value);
            byte[] form = fullForm(value);
            SemanticNode known = trees.find(hash);
            EncodedBank.Lookup expected = known == null ? EncodedBank.Lookup.MISS
                    : known.equals(tree) ? EncodedBank.Lookup.HIT : EncodedBank.Lookup.COLLISION;
            assertEquals(expected, encoded.find(hash, form, form.length), "step " + step);
            encoded.record(hash, form, form.length);
            trees.record(hash, tree);
            assertEquals(trees.size(), encoded.size(), "step " + step);
            for (int h = 0; h < capacity * 3; h++) {
                boolean held = trees.find(h * 0x10001) != null;
                assertEquals(held, encoded.find(h * 0x10001, new byte[0], 0) != EncodedBank.Lookup.MISS,
                        "step " + step + ", hash " + h);
            }
        }
    }

    /** A leaf's full form by hand: PRIMITIVE 0x10 with payload (0x30), length, the UTF-8 value. */
    private static byte[] fullForm(String value) {
        byte[] v = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[2 + v.length];
        out[0] = 0x30;
        out[1] = (byte) v.length;
        System.arraycopy(v, 0, out, 2, v.length);
        return out;
    }
}
