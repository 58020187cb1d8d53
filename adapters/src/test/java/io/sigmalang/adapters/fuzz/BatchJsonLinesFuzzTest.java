package io.sigmalang.adapters.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigmalang.adapters.json.BatchJsonLinesException;
import io.sigmalang.adapters.json.BatchJsonLinesReader;
import io.sigmalang.adapters.json.BatchMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The batch JSON Lines reader under fuzzed input, against an independent reading of the same bytes: the lines
 * split here on {@code \n}, UTF-8 checked by a decode and re-encode that must give the same bytes, each line read
 * by Jackson's tree model (databind, not the reader's token loop) with trailing tokens and duplicate names
 * refused, the fields and the id's length checked here. The reader must give exactly the messages this reading
 * gives, in order, up to the first line it calls bad, and must refuse exactly that line with a
 * {@link BatchJsonLinesException} whose message is one line naming it; nothing else may be thrown. Lines are
 * limited to {@value #MAX_LINE} bytes, so a fuzzed length can reach the limit.
 */
class BatchJsonLinesFuzzTest {
    private static final int MAX_LINE = 300;
    private static final String NAME = "fuzz.jsonl";
    private static final ObjectMapper ORACLE = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    @FuzzTest(maxDuration = "24h", maxExecutions = 10_000_000)
    void readsWhatAnIndependentReadingReadsAndRefusesItsFirstBadLine(byte[] input) throws IOException {
        List<BatchMessage> expected = new ArrayList<>();
        long firstBad = expect(input, expected);

        BatchJsonLinesReader reader = new BatchJsonLinesReader(new ByteArrayInputStream(input), NAME, MAX_LINE);
        List<BatchMessage> got = new ArrayList<>();
        try {
            for (BatchMessage m = reader.next(); m != null; m = reader.next()) {
                got.add(m);
            }
        } catch (BatchJsonLinesException e) {
            assertEquals(expected, got);
            assertEquals(firstBad, e.line(), e::getMessage);
            String message = e.getMessage();
            assertTrue(message.startsWith(NAME + " line " + firstBad + ": "), message);
            assertFalse(message.contains("\n") || message.contains("\r"), () -> "not one line: " + message);
            return;
        }
        assertEquals(-1, firstBad, () -> "line " + firstBad + " was read without complaint");
        assertEquals(expected, got);
    }

    /** The messages of {@code input} up to its first bad line, whose number is returned (-1: none). */
    private static long expect(byte[] input, List<BatchMessage> messages) {
        int start = 0;
        long number = 0;
        while (start < input.length) {
            int end = start;
            while (end < input.length && input[end] != '\n') {
                end++;
            }
            number++;
            if (end - start > MAX_LINE) {
                return number;
            }
            byte[] bytes = Arrays.copyOfRange(input, start, end);
            if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
                bytes = Arrays.copyOf(bytes, bytes.length - 1);
            }
            String line = new String(bytes, StandardCharsets.UTF_8);
            if (!Arrays.equals(bytes, line.getBytes(StandardCharsets.UTF_8))) {
                return number; // a malformed sequence became U+FFFD
            }
            if (!line.replace(" ", "").replace("\t", "").isEmpty()) {
                BatchMessage m = message(line);
                if (m == null) {
                    return number;
                }
                messages.add(m);
            }
            start = end + 1;
        }
        return -1;
    }

    private static BatchMessage message(String line) {
        JsonNode node;
        try {
            node = ORACLE.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode id = node.get("conversation");
        JsonNode text = node.get("text");
        if (id == null || !id.isTextual() || text == null || !text.isTextual()) {
            return null;
        }
        if (!unicode(id.textValue()) || !unicode(text.textValue())) {
            return null;
        }
        if (id.textValue().getBytes(StandardCharsets.UTF_8).length > 1024) {
            return null;
        }
        return new BatchMessage(id.textValue(), text.textValue());
    }

    /** No code point of {@code s} is a surrogate: String.codePoints gives an unpaired half as its own value. */
    private static boolean unicode(String s) {
        return s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
    }
}
