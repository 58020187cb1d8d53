package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.testing.CraftedStreams;
import org.junit.jupiter.api.Test;

/**
 * Each decoder limit exactly at its value and one past it, on small crafted conversations whose sizes are
 * counted by hand: message 1 is 0x50[0x10 = 100 × "a"], full form 2 + (1 + 1 + 100) + 1 = 105 bytes in a stream of
 * 111; message 2 copies that leaf 10 times under a root: 2 + 10 × 102 + 1 = 1023 full-form bytes from a stream of
 * 4 + 1 + 2 + 40 + 1 + 2 = 50.
 */
class DecoderLimitsBoundariesTest {
    private static final long FIRST = 105;
    private static final long SECOND = 1023;
    private static final byte[] M1 = CraftedStreams.leafMessage(100);
    private static final byte[] M2 = CraftedStreams.leafCopiesDelta(1, 1, 0x51, 10);
    private static final long BIG = 1L << 40;

    private static SigmaDecoder decoder(EncoderSettings settings, long held, long message, long conversation) {
        return new SigmaDecoder(settings, new DecoderLimits(held, 65536, 16, message, conversation));
    }

    private static DecoderLimitException refusedSecond(SigmaDecoder decoder) {
        decoder.decode(M1);
        return assertThrows(DecoderLimitException.class, () -> decoder.decode(M2));
    }

    @Test
    void theStreamsAreAsCounted() {
        assertEquals(111, M1.length);
        assertEquals(50, M2.length);
        SigmaDecoder d = decoder(EncoderSettings.defaults(), BIG, BIG, BIG);
        assertEquals(1, d.decode(M1).root().children().size());
        assertEquals(10, d.decode(M2).root().children().size());
    }

    @Test
    void heldBytesAtTheLimitPassAndOneMoreIsRefused() {
        // Bank and context each hold both trees: 2 × (105 + 1023) = 2256.
        long held = 2 * (FIRST + SECOND);
        SigmaDecoder exact = decoder(EncoderSettings.defaults(), held, BIG, BIG);
        exact.decode(M1);
        assertEquals(10, exact.decode(M2).root().children().size());
        DecoderLimitException e = refusedSecond(decoder(EncoderSettings.defaults(), held - 1, BIG, BIG));
        assertEquals(DecoderLimits.Limit.HELD_BYTES, e.limit());
        assertEquals(held - 1, e.value());
        assertEquals("keeping its tree (1023 full-form bytes) would make the Σ-bank and context hold 2256 bytes of"
                + " decoded trees, more than the limit of 2255", e.problem());
        assertEquals(0, e.offset());
    }

    @Test
    void onlyWhatIsOnCounts() {
        // Bank off: the context alone holds 105 + 1023. Delta off is not possible here (message 2 is a delta).
        EncoderSettings contextOnly = new EncoderSettings(false, 1024, true, 4, Codebook.none());
        SigmaDecoder exact = decoder(contextOnly, FIRST + SECOND, BIG, BIG);
        exact.decode(M1);
        exact.decode(M2);
        assertEquals(DecoderLimits.Limit.HELD_BYTES,
                refusedSecond(decoder(contextOnly, FIRST + SECOND - 1, BIG, BIG)).limit());
        // Context off, bank on: the first message alone is held, once.
        EncoderSettings bankOnly = new EncoderSettings(true, 1024, false, 4, Codebook.none());
        decoder(bankOnly, FIRST, BIG, BIG).decode(M1);
        assertEquals(DecoderLimits.Limit.HELD_BYTES, assertThrows(DecoderLimitException.class,
                () -> decoder(bankOnly, FIRST - 1, BIG, BIG).decode(M1)).limit());
    }

    @Test
    void aFullBankOrContextCreditsWhatItEvicts() {
        // Bank of 1, context of 1: after message 2 only it is held, twice: 2046. Without the credit for message 1
        // going out it would be 2256.
        EncoderSettings one = new EncoderSettings(true, 1, true, 1, Codebook.none());
        SigmaDecoder exact = decoder(one, 2 * SECOND, BIG, BIG);
        exact.decode(M1);
        assertEquals(10, exact.decode(M2).root().children().size());
        assertEquals(DecoderLimits.Limit.HELD_BYTES, refusedSecond(decoder(one, 2 * SECOND - 1, BIG, BIG)).limit());
    }

    @Test
    void messageExpansionAtTheLimitPassesAndAboveIsRefused() {
        // 1023 bytes from 50: 20.46 per byte. A limit of 21 lets it through (1023 <= 1050), 20 does not (> 1000).
        SigmaDecoder exact = decoder(EncoderSettings.defaults(), BIG, 21, BIG);
        exact.decode(M1);
        exact.decode(M2);
        DecoderLimitException e = refusedSecond(decoder(EncoderSettings.defaults(), BIG, 20, BIG));
        assertEquals(DecoderLimits.Limit.MESSAGE_EXPANSION, e.limit());
        assertEquals(20, e.value());
        assertEquals("the 50-byte stream decodes to 1023 full-form bytes, more than the limit of 20 per stream byte",
                e.problem());
        // The first message, 105 bytes from 111, passes a limit of 1.
        decoder(EncoderSettings.defaults(), BIG, 1, BIG).decode(M1);
    }

    @Test
    void conversationExpansionAtTheLimitPassesAndAboveIsRefused() {
        // After both: 105 + 1023 = 1128 bytes from 111 + 50 = 161: 7.006 per byte. 8 passes (1128 <= 1288);
        // 7 does not (1128 > 1127) — refused by one byte.
        SigmaDecoder exact = decoder(EncoderSettings.defaults(), BIG, BIG, 8);
        exact.decode(M1);
        exact.decode(M2);
        DecoderLimitException e = refusedSecond(decoder(EncoderSettings.defaults(), BIG, BIG, 7));
        assertEquals(DecoderLimits.Limit.CONVERSATION_EXPANSION, e.limit());
        assertEquals("with it the conversation decodes 161 stream bytes to 1128 full-form bytes, more than the limit"
                + " of 7 per stream byte", e.problem());
    }

    @Test
    void aRefusalChangesNothingAndTheLimitsOfEveryKindAreReported() {
        SigmaDecoder d = decoder(EncoderSettings.defaults(), BIG, 20, BIG);
        d.decode(M1);
        assertThrows(DecoderLimitException.class, () -> d.decode(M2));
        assertEquals(1, d.messagesDecoded());
        assertThrows(DecoderLimitException.class, () -> d.decode(M2), "still message 2 that is expected");
        DecoderLimits limits = new DecoderLimits(1, 2, 3, 4, 5);
        assertEquals(1, limits.valueOf(DecoderLimits.Limit.HELD_BYTES));
        assertEquals(2, limits.valueOf(DecoderLimits.Limit.BANK_CAPACITY));
        assertEquals(3, limits.valueOf(DecoderLimits.Limit.CONTEXT_DEPTH));
        assertEquals(4, limits.valueOf(DecoderLimits.Limit.MESSAGE_EXPANSION));
        assertEquals(5, limits.valueOf(DecoderLimits.Limit.CONVERSATION_EXPANSION));
        assertEquals(new DecoderLimits(384L << 20, 65536, 16, 1L << 24, 10_000), DecoderLimits.defaults());
    }

    @Test
    void hugeLimitsDoNotOverflow() {
        SigmaDecoder d = decoder(EncoderSettings.defaults(), Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
        d.decode(M1);
        assertEquals(10, d.decode(M2).root().children().size());
    }

    @Test
    void settingsBeyondTheLimitsAreRefusedAtConstruction() {
        DecoderLimits limits = new DecoderLimits(1L << 20, 100, 2, 10, 10);
        DecoderLimitException bank = assertThrows(DecoderLimitException.class,
                () -> new SigmaDecoder(new EncoderSettings(true, 101, true, 2, Codebook.none()), limits));
        assertEquals(DecoderLimits.Limit.BANK_CAPACITY, bank.limit());
        assertEquals(100, bank.value());
        assertEquals("the settings ask for a Σ-bank of 101 trees, more than the limit of 100", bank.problem());
        DecoderLimitException depth = assertThrows(DecoderLimitException.class,
                () -> new SigmaDecoder(new EncoderSettings(true, 100, true, 3, Codebook.none()), limits));
        assertEquals(DecoderLimits.Limit.CONTEXT_DEPTH, depth.limit());
        assertEquals("the settings ask for a context of 3 messages, more than the limit of 2", depth.problem());
        // At the limits, and features that are off, are fine.
        new SigmaDecoder(new EncoderSettings(true, 100, true, 2, Codebook.none()), limits);
        new SigmaDecoder(new EncoderSettings(false, 65536, false, 16, Codebook.none()), limits);
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(0, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(1, 0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(1, 65537, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(1, 1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(1, 1, 17, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(1, 1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DecoderLimits(1, 1, 1, 1, 0));
        new DecoderLimits(1, 65536, 16, 1, 1);
    }
}
