package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.testing.Vectors;
import io.sigmalang.domain.wire.Crc16;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The decoder's refusals of reference and delta streams, with the offset each names, counted by hand from the hex
 * below and from the stream's first byte: every stream is decoded alone and again from index 7 of a larger buffer
 * with other bytes around it, where the offset must be the same. (The wire-level refusals have their own table,
 * MalformedStreamTest; these are the decoder's own checks around a Σ-bank reference.)
 */
class ReferenceStreamErrorsTest {
    /** A Σ-bank reference glyph: REFERENCE id 0x6A with a 4-byte payload, the hash 0x12345678. */
    private static final String BANK_REFERENCE = "6a0412345678";

    /** The stream of this header and glyph hex with its CRC-16 appended. */
    private static byte[] stream(String header, String glyphs) {
        byte[] body = Vectors.hex(header + glyphs);
        byte[] out = Arrays.copyOf(body, body.length + 2);
        int crc = Crc16.of(body);
        out[body.length] = (byte) (crc >>> 8);
        out[body.length + 1] = (byte) crc;
        return out;
    }

    /** Refused alone and refused at index 7 of a buffer with 0x5A bytes around it, at the same offset. */
    private static MalformedStreamException refused(EncoderSettings settings, byte[] stream, long offset) {
        MalformedStreamException alone = assertThrows(MalformedStreamException.class,
                () -> new SigmaDecoder(settings).decode(ByteBuffer.wrap(stream)));
        byte[] around = new byte[stream.length + 12];
        Arrays.fill(around, (byte) 0x5A);
        System.arraycopy(stream, 0, around, 7, stream.length);
        ByteBuffer inside = ByteBuffer.wrap(around);
        inside.position(7).limit(7 + stream.length);
        MalformedStreamException moved = assertThrows(MalformedStreamException.class,
                () -> new SigmaDecoder(settings).decode(inside));
        assertEquals(offset, alone.offset(), alone::getMessage);
        assertEquals(offset, moved.offset(), moved::getMessage);
        assertEquals(alone.problem(), moved.problem());
        return alone;
    }

    @Test
    void aReferenceStreamWhoseHeaderCountsTwoGlyphsIsRefusedAtTheCount() {
        // The count is the low 12 bits of header bytes 2-3: offset 3 holds its low byte.
        MalformedStreamException e = refused(EncoderSettings.defaults(), stream("40000002", BANK_REFERENCE + "05"), 3);
        assertTrue(e.problem().contains("exactly one glyph, the header counts 2"), e.getMessage());
    }

    @Test
    void bytesAfterTheReferenceGlyphAreRefusedWhereTheyStart() {
        // Header 4 bytes, glyph 6 bytes: the extra bytes start at offset 10.
        MalformedStreamException e = refused(EncoderSettings.defaults(), stream("40000001", BANK_REFERENCE + "0000"), 10);
        assertTrue(e.problem().startsWith("2 bytes left over after the reference glyph"), e.getMessage());
    }

    @Test
    void aBankReferenceToADecoderWithoutABankIsRefusedAtTheGlyph() {
        EncoderSettings noBank = new EncoderSettings(false, 1024, true, 4, Codebook.none());
        MalformedStreamException e = refused(noBank, stream("40000001", BANK_REFERENCE), 4);
        assertTrue(e.problem().contains("bank is off"), e.getMessage());
    }

    @Test
    void anUnknownBankReferenceNamesTheHashAndTheTreesHeld() {
        MalformedStreamException e = refused(EncoderSettings.defaults(), stream("40000001", BANK_REFERENCE), 4);
        assertEquals("Σ-bank reference 0x12345678 names no tree in this decoder's bank (0 trees held)", e.problem());
    }

    @Test
    void aDeltaToADecoderWithoutDeltasIsRefusedAtTheFirstGlyph() {
        EncoderSettings noDelta = new EncoderSettings(true, 1024, false, 4, Codebook.none());
        // 0x81: the delta glyph of MalformedStreamTest's "delta with no earlier message".
        MalformedStreamException e = refused(noDelta, stream("40000001", "81"), 4);
        assertTrue(e.problem().contains("deltas are off"), e.getMessage());
    }
}
