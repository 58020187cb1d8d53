package io.sigmalang.adapters.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.codec.DecoderLimits;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.testing.CraftedStreams;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.tree.SemanticTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stream decoder under fuzzed conversations (docs/TESTING.md): it either decodes a stream or refuses it with
 * {@link MalformedStreamException} (its {@code DecoderLimitException} included), nothing else; a refused stream
 * leaves it as it was; within limits that keep each input to a few megabytes; and a first stream it accepts is
 * the full form a fresh encoder writes for that tree, byte for byte.
 *
 * <p>A random stream almost never passes the CRC-16, so most inputs would stop at the frame: for streams the input
 * marks, the harness repairs the frame (version 1, no flags, the context id that comes next, a correct CRC) so that
 * the fuzzer's bytes reach the glyph reader, the Σ-bank and the delta decoder.
 */
class StreamDecoderFuzzTest {
    /** Small limits: each input stays fast and small, and the limits themselves get exercised. */
    private static final DecoderLimits LIMITS = new DecoderLimits(8L << 20, 64, 16, 1L << 16, 1L << 12);

    @FuzzTest(maxDuration = "24h", maxExecutions = 10_000_000)
    void decodesOrRefusesWithTheDomainException(FuzzedDataProvider data) {
        EncoderSettings settings = new EncoderSettings(data.consumeBoolean(), data.consumeInt(1, 64),
                data.consumeBoolean(), data.consumeInt(1, 16), Codebook.none());
        SigmaDecoder decoder = new SigmaDecoder(settings, LIMITS);
        List<byte[]> streams = new ArrayList<>();
        int count = data.consumeInt(1, 8);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            boolean repair = data.consumeBoolean();
            byte[] stream = i == count - 1 ? data.consumeRemainingAsBytes() : data.consumeBytes(data.consumeInt(0, 4096));
            streams.add(repair ? repairFrame(stream, i) : stream);
        }
        for (int i = 0; i < streams.size(); i++) {
            byte[] stream = streams.get(i);
            int before = decoder.messagesDecoded();
            SemanticTree tree;
            try {
                tree = decoder.decode(stream);
            } catch (MalformedStreamException e) {
                assertEquals(before, decoder.messagesDecoded(), "a refused stream changes nothing");
                continue;
            }
            if (before == 0 && stream.length >= 6) {
                // A first stream can only be a full form (no bank or context yet): canonical, so re-encoded equal.
                byte[] again = new SigmaEncoder(new HeapTestPool(4096), EncoderSettings.fullFormOnly()).encode(tree);
                assertArrayEquals(stream, again, "an accepted stream is the one encoding of its tree");
            }
        }
    }

    /** The stream with version 1, no flags, context id {@code sequence} and its CRC-16 recomputed. */
    static byte[] repairFrame(byte[] stream, int sequence) {
        if (stream.length < 6) {
            return stream;
        }
        int glyphCount = (stream[2] & 0x0F) << 8 | (stream[3] & 0xFF);
        return CraftedStreams.stream(sequence & 0xFFF, glyphCount, Arrays.copyOfRange(stream, 4, stream.length - 2));
    }
}
