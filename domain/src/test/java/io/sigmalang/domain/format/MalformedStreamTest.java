package io.sigmalang.domain.format;

import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.testing.Vectors;
import io.sigmalang.domain.wire.Crc16;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * The strict reader: every malformed input raises {@link MalformedStreamException} naming the problem and the
 * byte offset, and nothing else. Offsets below are counted by hand from the hex.
 */
class MalformedStreamTest {

    /** The specification's worked example: 80[16="f"]. */
    private static final String WORKED_EXAMPLE = "40000003df503001660b341a";

    /** A stream of this header and glyph hex with a correct CRC appended. */
    static byte[] stream(String header, String glyphs) {
        byte[] body = Vectors.hex(header + glyphs);
        byte[] out = Arrays.copyOf(body, body.length + 2);
        int crc = Crc16.of(body);
        out[body.length] = (byte) (crc >>> 8);
        out[body.length + 1] = (byte) crc;
        return out;
    }

    private static MalformedStreamException rejects(byte[] stream) {
        return assertThrows(MalformedStreamException.class, () -> new SigmaDecoder().decode(stream));
    }

    @Test
    void workedExampleDecodes() {
        assertEquals("0x50[0x10=\"f\"]", new SigmaDecoder().decode(Vectors.hex(WORKED_EXAMPLE)).toString());
        assertEquals(WORKED_EXAMPLE, Vectors.hex(stream("40000003", "df503001660b")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // case                                   | header   | glyphs           | offset | problem contains
        "payload runs past the end                | 40000003 | df503001         | 8      | runs past the end",
        "fewer glyphs than counted                | 40000004 | df503001660b     | 10     | only 3 are present",
        "bytes left over                          | 40000003 | df503001660b00   | 10     | left over",
        "count of zero                            | 40000000 | 05               | 0      | count of zero",
        "end marker with no open composite        | 40000001 | 0b               | 4      | no open composite",
        "glyph after the root                     | 40000002 | 0505             | 5      | after the root",
        "composite left open                      | 40000002 | df5005           | 7      | still open",
        "stray continuation byte                  | 40000001 | 210180           | 6      | not UTF-8",
        "overlong UTF-8                           | 40000001 | 2202c080         | 6      | not UTF-8",
        "encoded surrogate                        | 40000001 | 2303eda080       | 6      | encoded surrogate",
        "above U+10FFFF                           | 40000001 | 2304f4908080     | 6      | above U+10FFFF",
        "UTF-8 cut by the payload end             | 40000001 | 2202e282         | 6      | cut off",
        "escape used for id 5                     | 40000001 | 1f05             | 4      | non-canonical",
        "two-byte length for length 1             | 40000001 | 20800141         | 4      | non-canonical",
        "composite closed with no children        | 40000002 | c50b             | 4      | no children",
        "version 2                                | 80000001 | 05               | 0      | unsupported version",
        "flags set                                | 41000001 | 05               | 0      | flags",
        "REFERENCE inside a full-form tree        | 40000003 | c5450b           | 5      | REFERENCE glyph inside",
        "extended id byte missing                 | 40000001 | 1f               | 5      | extended id",
        "length prefix missing                    | 40000001 | 25               | 5      | length prefix",
        "second length byte missing               | 40000001 | 2581             | 6      | two-byte length",
        "first stream out of sequence             | 40001001 | 05               | 1      | out of sequence",
        "unknown Σ-bank reference                 | 40000001 | 6a0412345678     | 4      | names no tree",
        "unknown codebook reference               | 40000001 | 5f80             | 4      | not in this decoder's codebook",
        "REFERENCE glyph of no known kind         | 40000001 | 45               | 4      | neither",
        "delta with no earlier message            | 40000001 | 81               | 4      | holds 0 earlier",
    })
    void rejects(String name, String header, String glyphs, int offset, String problem) {
        MalformedStreamException e = rejects(stream(header, glyphs));
        assertEquals(offset, e.offset(), () -> name + ": " + e.getMessage());
        assertTrue(e.problem().contains(problem), () -> name + ": " + e.getMessage());
        assertTrue(e.getMessage().endsWith("at byte offset " + offset), e.getMessage());
    }

    @Test
    void shorterThanHeaderAndCrc() {
        MalformedStreamException e = rejects(Vectors.hex("4000000105"));
        assertTrue(e.problem().contains("shorter than the 6 bytes"), e.getMessage());
    }

    @Test
    void crcMismatchNamesTheCrcOffset() {
        byte[] s = Vectors.hex(WORKED_EXAMPLE);
        s[5] ^= 0x01;
        MalformedStreamException e = rejects(s);
        assertEquals(10, e.offset());
        assertTrue(e.problem().startsWith("CRC mismatch"), e.getMessage());
    }

    /** Zeros after a correct CRC keep a correct CRC (no final XOR): the glyph count must catch them. */
    @Test
    void appendedZerosAreCaughtByTheGlyphCount() {
        byte[] s = Arrays.copyOf(Vectors.hex(WORKED_EXAMPLE), 14);
        MalformedStreamException e = rejects(s);
        assertTrue(e.problem().contains("left over"), e.getMessage());
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] full = Vectors.hex(WORKED_EXAMPLE);
        for (int len = 0; len < full.length; len++) {
            rejects(Arrays.copyOf(full, len));
        }
    }

    /**
     * Random corruption of real streams: the reader either reports a MalformedStreamException or, when the
     * corrupt bytes happen to form a valid stream (CRC included), returns a tree; never any other exception.
     * Tagged slow: left out of mutation runs, where it takes 20 s (the fuzz tests search this space better).
     */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void randomCorruptionOnlyEverRaisesTheDomainException() {
        Random random = new Random(20261127);
        byte[][] seeds = Vectors.lines("streams.jsonl").stream().map(v -> Vectors.hex(v.get("hex").asText()))
                .toArray(byte[][]::new);
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] s = seeds[random.nextInt(seeds.length)].clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                s[random.nextInt(s.length)] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                // Fix the CRC so corruption reaches the glyph reader.
                byte[] body = Arrays.copyOf(s, s.length - 2);
                s = stream(Vectors.hex(Arrays.copyOf(body, 4)), Vectors.hex(Arrays.copyOfRange(body, 4, body.length)));
            }
            try {
                new SigmaDecoder().decode(s);
            } catch (MalformedStreamException expected) {
                rejected++;
            }
        }
        assertTrue(rejected > 10_000, "most corrupt streams are rejected, was " + rejected);
    }

    @Test
    void randomBytesOnlyEverRaiseTheDomainException() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] s = new byte[random.nextInt(40)];
            random.nextBytes(s);
            if (s.length >= 4 && random.nextBoolean()) {
                s[0] = 0x40;
                s[1] = 0x00;
                s[2] = 0x00;
            }
            if (s.length >= 6) {
                int crc = Crc16.of(s, 0, s.length - 2);
                s[s.length - 2] = (byte) (crc >>> 8);
                s[s.length - 1] = (byte) crc;
            }
            try {
                new SigmaDecoder().decode(s);
            } catch (MalformedStreamException expected) {
                // the only exception allowed
            }
        }
    }
}
