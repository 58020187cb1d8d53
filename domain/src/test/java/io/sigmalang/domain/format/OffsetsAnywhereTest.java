package io.sigmalang.domain.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.testing.Vectors;
import io.sigmalang.domain.wire.Crc16;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A stream's error offsets count from the stream's first byte, wherever the stream sits in its buffer: every
 * corrupt stream here is decoded alone and again at index 7 of a larger buffer (with garbage around it), and must
 * fail with the same problem at the same offset. Covers every check of the frame, glyph and full-form readers
 * that the corruption reaches, with and without a valid CRC.
 */
class OffsetsAnywhereTest {

    private static MalformedStreamException failure(ByteBuffer stream) {
        try {
            new SigmaDecoder().decode(stream);
            return null;
        } catch (MalformedStreamException e) {
            return e;
        }
    }

    @Test
    void corruptStreamsFailAtTheSameOffsetWhereverTheyStart() {
        Random random = new Random(12);
        byte[][] seeds = Vectors.lines("streams.jsonl").stream().map(v -> Vectors.hex(v.get("hex").asText()))
                .toArray(byte[][]::new);
        int compared = 0;
        for (int i = 0; i < 3_000; i++) {
            byte[] s = seeds[random.nextInt(seeds.length)].clone();
            if (random.nextInt(4) == 0) {
                s = Arrays.copyOf(s, random.nextInt(s.length + 1));
            } else {
                for (int f = 1 + random.nextInt(2); f > 0; f--) {
                    s[random.nextInt(s.length)] = (byte) random.nextInt(256);
                }
            }
            if (s.length >= 6 && random.nextBoolean()) {
                int crc = Crc16.of(s, 0, s.length - 2);
                s[s.length - 2] = (byte) (crc >>> 8);
                s[s.length - 1] = (byte) crc;
            }
            MalformedStreamException alone = failure(ByteBuffer.wrap(s));
            byte[] padded = new byte[7 + s.length + 5];
            Arrays.fill(padded, (byte) 0x5A);
            System.arraycopy(s, 0, padded, 7, s.length);
            MalformedStreamException inside = failure(ByteBuffer.wrap(padded, 7, s.length));
            if (alone == null) {
                assertEquals(null, inside, "accepted alone, so accepted inside");
                continue;
            }
            assertTrue(inside != null, "refused alone, so refused inside: " + alone.getMessage());
            assertEquals(alone.problem(), inside.problem());
            assertEquals(alone.offset(), inside.offset(), alone.problem());
            assertTrue(alone.offset() >= 0 && alone.offset() <= s.length, alone.getMessage());
            compared++;
        }
        assertTrue(compared > 2_000, "most are refused: " + compared);
    }
}
