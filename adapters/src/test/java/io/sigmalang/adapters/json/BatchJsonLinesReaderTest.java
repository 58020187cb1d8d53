package io.sigmalang.adapters.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch JSON Lines reader: every expected message and line number below is written out by hand. */
class BatchJsonLinesReaderTest {
    private static final String EXPECTED = " (expected {\"conversation\": \"ID\", \"text\": \"MESSAGE\"})";

    private static List<BatchMessage> readAll(byte[] bytes, int maxLineBytes) throws IOException {
        BatchJsonLinesReader r = new BatchJsonLinesReader(new ByteArrayInputStream(bytes), "in.jsonl", maxLineBytes);
        List<BatchMessage> out = new ArrayList<>();
        for (BatchMessage m = r.next(); m != null; m = r.next()) {
            out.add(m);
        }
        return out;
    }

    private static List<BatchMessage> readAll(String text) throws IOException {
        return readAll(text.getBytes(StandardCharsets.UTF_8), BatchJsonLinesReader.MAX_LINE_BYTES);
    }

    private static BatchJsonLinesException refused(String text) {
        return refused(text.getBytes(StandardCharsets.UTF_8), BatchJsonLinesReader.MAX_LINE_BYTES);
    }

    private static BatchJsonLinesException refused(byte[] bytes, int maxLineBytes) {
        return assertThrows(BatchJsonLinesException.class, () -> readAll(bytes, maxLineBytes));
    }

    @Test
    void readsEveryMessageInOrderSkippingBlankLinesAndOtherFields() throws IOException {
        String in = "{\"conversation\": \"a\", \"text\": \"hello\"}\n"
                + "\n"
                + " \t \r\n"
                + "{\"text\": \"second\", \"meta\": {\"k\": [1, 2.5, null, true]}, \"conversation\": \"b\"}\r\n"
                + "{\"conversation\":\"a\",\"text\":\"\"}";
        assertEquals(List.of(new BatchMessage("a", "hello"), new BatchMessage("b", "second"),
                new BatchMessage("a", "")), readAll(in));
    }

    @Test
    void escapesAreDecodedAndAPairedSurrogateIsOneCharacter() throws IOException {
        String in = "{\"conversation\": \"caf\\u00e9\","
                + " \"text\": \"tab\\there\\nnew line \\ud83d\\ude00 \\\"q\\\"\"}\n";
        assertEquals(List.of(new BatchMessage("café", "tab\there\nnew line \uD83D\uDE00 \"q\"")), readAll(in));
    }

    @Test
    void theLineNumberCountsBlankLinesAndEndsAtTheLastLineRead() throws IOException {
        BatchJsonLinesReader r = new BatchJsonLinesReader(new ByteArrayInputStream(
                "\n\n{\"conversation\": \"a\", \"text\": \"x\"}\n\n".getBytes(StandardCharsets.UTF_8)), "in");
        assertEquals(0, r.lineNumber());
        assertEquals(new BatchMessage("a", "x"), r.next());
        assertEquals(3, r.lineNumber());
        assertNull(r.next());
        assertEquals(4, r.lineNumber());
        assertNull(r.next());
    }

    @Test
    void aBadLineIsNamedByItsNumberWithWhatIsWrongAndWhatIsExpected() {
        String good = "{\"conversation\": \"a\", \"text\": \"x\"}\n";
        BatchJsonLinesException e = refused(good + "\n" + "{\"conversation\": 7, \"text\": \"x\"}\n" + good);
        assertEquals("in.jsonl line 3: \"conversation\" is not a string" + EXPECTED, e.getMessage());
        assertEquals(3, e.line());

        assertEquals("in.jsonl line 1: \"text\" is not a string" + EXPECTED,
                refused("{\"conversation\": \"a\", \"text\": [\"x\"]}").getMessage());
        assertEquals("in.jsonl line 1: not a JSON object" + EXPECTED, refused("[1, 2]").getMessage());
        assertEquals("in.jsonl line 1: not a JSON object" + EXPECTED, refused("\"text\"").getMessage());
        // A carriage return inside a line is JSON white space but not blank: no object on the line.
        assertEquals("in.jsonl line 1: not a JSON object" + EXPECTED, refused("\r\r\n").getMessage());
        assertTrue(refused("\f").getMessage().startsWith("in.jsonl line 1: not valid JSON (Illegal character"
                + " ((CTRL-CHAR, code 12))"));
        assertEquals("in.jsonl line 1: something follows the object" + EXPECTED,
                refused("{\"conversation\": \"a\", \"text\": \"x\"} {}").getMessage());
        assertEquals("in.jsonl line 1: the field \"conversation\" is missing" + EXPECTED,
                refused("{\"text\": \"x\"}").getMessage());
        assertEquals("in.jsonl line 1: the field \"text\" is missing" + EXPECTED,
                refused("{\"conversation\": \"a\"}").getMessage());
        assertTrue(refused("{\"conversation\": \"a\", \"text\": \"x\"").getMessage()
                .startsWith("in.jsonl line 1: not valid JSON ("));
    }

    @Test
    void aFieldGivenTwiceIsRefusedInAnyObjectOfTheLine() {
        assertTrue(refused("{\"conversation\": \"a\", \"conversation\": \"b\", \"text\": \"x\"}").getMessage()
                .startsWith("in.jsonl line 1: not valid JSON (Duplicate field 'conversation')"));
        assertTrue(refused("{\"conversation\": \"a\", \"text\": \"x\", \"m\": {\"k\": 1, \"k\": 2}}").getMessage()
                .startsWith("in.jsonl line 1: not valid JSON (Duplicate field 'k')"));
    }

    @Test
    void anUnpairedSurrogateIsRefusedForUtf8CannotCarryIt() {
        assertEquals("in.jsonl line 1: \"text\" holds an unpaired surrogate U+D800 at index 2 (not Unicode text)"
                + EXPECTED, refused("{\"conversation\": \"a\", \"text\": \"ab\\ud800\"}").getMessage());
        assertEquals("in.jsonl line 1: \"conversation\" holds an unpaired surrogate U+DC00 at index 0 (not Unicode"
                + " text)" + EXPECTED, refused("{\"conversation\": \"\\udc00\\ud800\", \"text\": \"x\"}").getMessage());
        // Two high halves: the first has no low half after it.
        assertTrue(refused("{\"conversation\": \"a\", \"text\": \"\\ud83d\\ud83d\\ude00\"}").getMessage()
                .contains("U+D83D at index 0"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedOnTheirLine() {
        byte[] in = {'\n', (byte) 0xC3, '(', '\n'};
        BatchJsonLinesException e = refused(in, 100);
        assertEquals("in.jsonl line 2: not valid UTF-8 text" + EXPECTED, e.getMessage());
        // An encoded surrogate (ED A0 80) is not UTF-8 either.
        byte[] surrogate = "{\"conversation\": \"a\", \"text\": \"__\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withSurrogate = new byte[surrogate.length + 1];
        System.arraycopy(surrogate, 0, withSurrogate, 0, 30);
        withSurrogate[30] = (byte) 0xED;
        withSurrogate[31] = (byte) 0xA0;
        withSurrogate[32] = (byte) 0x80;
        System.arraycopy(surrogate, 32, withSurrogate, 33, surrogate.length - 32);
        assertEquals("in.jsonl line 1: not valid UTF-8 text" + EXPECTED, refused(withSurrogate, 100).getMessage());
    }

    @Test
    void aLineOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() throws IOException {
        byte[] line = "{\"conversation\":\"a\",\"text\":\"b\"}".getBytes(StandardCharsets.UTF_8); // 31 bytes
        assertEquals(31, line.length);
        assertEquals(List.of(new BatchMessage("a", "b")), readAll(line, 31));
        byte[] crlf = "{\"conversation\":\"a\",\"text\":\"b\"}\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(new BatchMessage("a", "b")), readAll(crlf, 32));
        BatchJsonLinesException e = refused(crlf, 31);
        assertEquals("in.jsonl line 1: longer than 31 bytes, the longest line read (is the input JSON Lines?)",
                e.getMessage());
    }

    @Test
    void anEndlessLineIsRefusedAtTheLimitNotReadIntoMemory() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        BatchJsonLinesReader r = new BatchJsonLinesReader(endless, "-", 1 << 20);
        BatchJsonLinesException e = assertThrows(BatchJsonLinesException.class, r::next);
        assertEquals("- line 1: longer than 1048576 bytes, the longest line read (is the input JSON Lines?)",
                e.getMessage());
    }

    @Test
    void aConversationIdOfAtMost1024Utf8BytesIsRead() throws IOException {
        String twoByte = "é".repeat(512); // 1,024 UTF-8 bytes in 512 characters
        assertEquals(List.of(new BatchMessage(twoByte, "x")),
                readAll("{\"conversation\": \"" + twoByte + "\", \"text\": \"x\"}"));
        assertEquals("in.jsonl line 1: a conversation id of 1025 UTF-8 bytes (at most 1024)",
                refused("{\"conversation\": \"" + twoByte + "a\", \"text\": \"x\"}").getMessage());
        String astral = "\uD83D\uDE00".repeat(256); // 1,024 bytes, 512 chars
        assertEquals(List.of(new BatchMessage(astral, "x")),
                readAll("{\"conversation\": \"" + astral + "\", \"text\": \"x\"}"));
        assertEquals("in.jsonl line 1: a conversation id of 1027 UTF-8 bytes (at most 1024)",
                refused("{\"conversation\": \"" + astral + "€\", \"text\": \"x\"}").getMessage());
    }

    @Test
    void jacksonsReadingLimitsAreNamedAsWhatTheyAre() {
        String digits = "1".repeat(1001);
        assertEquals("in.jsonl line 1: a number longer than 1000 characters (the longest JSON number read)" + EXPECTED,
                refused("{\"conversation\": \"a\", \"text\": \"x\", \"n\": " + digits + "}").getMessage());
        String deep = "[".repeat(1001) + "]".repeat(1001);
        assertEquals("in.jsonl line 1: nested deeper than 1000 JSON levels (the deepest read)" + EXPECTED,
                refused("{\"conversation\": \"a\", \"text\": \"x\", \"d\": " + deep + "}").getMessage());
        String name = "n".repeat(50_001);
        assertEquals("in.jsonl line 1: a field name longer than 50000 characters (the longest name read)" + EXPECTED,
                refused("{\"" + name + "\": 1, \"conversation\": \"a\", \"text\": \"x\"}").getMessage());
    }

    @Test
    void aLimitBelowOneIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> new BatchJsonLinesReader(new ByteArrayInputStream(new byte[0]), "in", 0));
    }
}
