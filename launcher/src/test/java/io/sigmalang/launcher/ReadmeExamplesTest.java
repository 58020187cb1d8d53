package io.sigmalang.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's examples as they are shown and checks what they print. */
class ReadmeExamplesTest {

    private static List<String> printedBy(Runnable example) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            example.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void plainConstructorsRoundTripAndTheRepeatIsABankReference() {
        List<String> lines = printedBy(ReadmeExamples::plainConstructors);
        assertEquals(4, lines.size(), String.join("\n", lines));
        // "hi there": header 4, composite 0x61 via the escape 2, leaf 0x0F with 8 bytes 10, end marker 1, CRC 2.
        assertEquals("19 bytes: 0x61[0x0F=\"hi there\"]", lines.get(1));
        // Its repeat: one REFERENCE glyph with the 4-byte Σ-hash, 12 bytes in all.
        assertEquals("12 bytes: 0x61[0x0F=\"hi there\"]", lines.get(2));
        assertTrue(lines.get(3).contains("BANK_REFERENCE=PathStats[count=1"), lines.get(3));
    }

    @Test
    void guiceModuleEncodesWithTheOffHeapStrategy() {
        List<String> lines = printedBy(ReadmeExamples::guiceModule);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("offheap: "), lines.get(0));
    }

    @Test
    void batchServiceEncodesTwoConversationsIntoOneContainer() {
        List<String> lines = printedBy(() -> {
            try {
                ReadmeExamples.batchService();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals("2 conversations, 3 messages", lines.get(0));
        assertTrue(lines.get(1).endsWith(" container bytes"), lines.get(1));
    }
}
