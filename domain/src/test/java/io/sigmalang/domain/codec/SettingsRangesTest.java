package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.codebook.Codebook;
import org.junit.jupiter.api.Test;

/**
 * The ranges of {@link EncoderSettings} and {@link DecoderLimits}, each bound on its own: the smallest and the
 * largest value accepted with every other field at an ordinary value, and one step beyond refused with the message
 * naming the field, the value and the range. The ranges are the documented ones (docs/CLI.md: a Σ-bank of
 * 1..65536 trees, a context of 1..16 messages; the decoder limits at least 1); an off-by-one here would refuse
 * settings a real encoder used, or accept ones outside the documented range.
 */
class SettingsRangesTest {
    private static EncoderSettings settings(int bankCapacity, int contextDepth) {
        return new EncoderSettings(true, bankCapacity, true, contextDepth, Codebook.none());
    }

    @Test
    void bankCapacityIsOneTo65536() {
        assertEquals(1, settings(1, 4).bankCapacity());
        assertEquals(65536, settings(65536, 4).bankCapacity());
        assertEquals("bankCapacity 0 is out of range (expected 1..65536)",
                assertThrows(IllegalArgumentException.class, () -> settings(0, 4)).getMessage());
        assertEquals("bankCapacity 65537 is out of range (expected 1..65536)",
                assertThrows(IllegalArgumentException.class, () -> settings(65537, 4)).getMessage());
    }

    @Test
    void contextDepthIsOneToSixteen() {
        assertEquals(1, settings(1024, 1).contextDepth());
        assertEquals(16, settings(1024, 16).contextDepth());
        assertEquals("contextDepth 0 is out of range (expected 1..16)",
                assertThrows(IllegalArgumentException.class, () -> settings(1024, 0)).getMessage());
        assertEquals("contextDepth 17 is out of range (expected 1..16)",
                assertThrows(IllegalArgumentException.class, () -> settings(1024, 17)).getMessage());
    }

    @Test
    void aCodebookIsRequired() {
        assertThrows(NullPointerException.class, () -> new EncoderSettings(true, 1, true, 1, null));
    }

    @Test
    void theDefaultsAndTheFullFormAreWhatTheySay() {
        EncoderSettings d = EncoderSettings.defaults();
        assertTrue(d.bankEnabled());
        assertTrue(d.deltaEnabled());
        assertEquals(1024, d.bankCapacity());
        assertEquals(4, d.contextDepth());
        assertEquals(Codebook.none(), d.codebook());
        EncoderSettings full = EncoderSettings.fullFormOnly();
        assertFalse(full.bankEnabled());
        assertFalse(full.deltaEnabled());
    }

    @Test
    void eachWitherChangesItsOwnFieldsOnly() {
        EncoderSettings d = EncoderSettings.defaults();
        assertEquals(new EncoderSettings(false, 7, true, 4, Codebook.none()), d.withBank(false, 7));
        assertEquals(new EncoderSettings(true, 1024, false, 9, Codebook.none()), d.withDelta(false, 9));
        assertThrows(IllegalArgumentException.class, () -> d.withBank(true, 0));
        assertThrows(IllegalArgumentException.class, () -> d.withDelta(true, 17));
    }

    private static DecoderLimits limits(long held, int bank, int depth, long message, long conversation) {
        return new DecoderLimits(held, bank, depth, message, conversation);
    }

    @Test
    void everyDecoderLimitAcceptsItsSmallestAndLargestValueAlone() {
        assertEquals(1, limits(1, 1024, 4, 100, 100).maxHeldBytes());
        assertEquals(Long.MAX_VALUE, limits(Long.MAX_VALUE, 1024, 4, 100, 100).maxHeldBytes());
        assertEquals(1, limits(1 << 20, 1, 4, 100, 100).maxBankCapacity());
        assertEquals(65536, limits(1 << 20, 65536, 4, 100, 100).maxBankCapacity());
        assertEquals(1, limits(1 << 20, 1024, 1, 100, 100).maxContextDepth());
        assertEquals(16, limits(1 << 20, 1024, 16, 100, 100).maxContextDepth());
        assertEquals(1, limits(1 << 20, 1024, 4, 1, 100).maxMessageExpansion());
        assertEquals(1, limits(1 << 20, 1024, 4, 100, 1).maxConversationExpansion());
    }

    @Test
    void everyDecoderLimitRefusesOneStepBeyondNamingItself() {
        assertEquals("maxHeldBytes 0 is out of range (expected at least 1)",
                assertThrows(IllegalArgumentException.class, () -> limits(0, 1024, 4, 100, 100)).getMessage());
        assertEquals("maxBankCapacity 0 is out of range (expected 1..65536)",
                assertThrows(IllegalArgumentException.class, () -> limits(1 << 20, 0, 4, 100, 100)).getMessage());
        assertEquals("maxBankCapacity 65537 is out of range (expected 1..65536)",
                assertThrows(IllegalArgumentException.class, () -> limits(1 << 20, 65537, 4, 100, 100)).getMessage());
        assertEquals("maxContextDepth 0 is out of range (expected 1..16)",
                assertThrows(IllegalArgumentException.class, () -> limits(1 << 20, 1024, 0, 100, 100)).getMessage());
        assertEquals("maxContextDepth 17 is out of range (expected 1..16)",
                assertThrows(IllegalArgumentException.class, () -> limits(1 << 20, 1024, 17, 100, 100)).getMessage());
        assertEquals("maxMessageExpansion 0 is out of range (expected at least 1)",
                assertThrows(IllegalArgumentException.class, () -> limits(1 << 20, 1024, 4, 0, 100)).getMessage());
        assertEquals("maxConversationExpansion 0 is out of range (expected at least 1)",
                assertThrows(IllegalArgumentException.class, () -> limits(1 << 20, 1024, 4, 100, 0)).getMessage());
    }
}
