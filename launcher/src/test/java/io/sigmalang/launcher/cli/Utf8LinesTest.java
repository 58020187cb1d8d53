package io.sigmalang.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {

    private static List<String> lines(byte[] bytes) throws IOException {
        Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(bytes), "in");
        List<String> out = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            out.add(line);
        }
        assertNull(lines.next());
        return out;
    }

    @Test
    void splitsOnNewlineAndCrLfKeepsEmptyLinesAndALastLineWithoutEnd() throws IOException {
        assertEquals(List.of("a", "", "b\rc", "é😀", "last"),
                lines("a\n\r\nb\rc\r\né😀\nlast".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), lines(new byte[0]));
        assertEquals(List.of(""), lines("\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLineLongerThanTheReadBufferIsWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        assertEquals(List.of(longLine, "y"), lines((longLine + "\ny\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void badUtf8NamesItsExactLine() {
        byte[] bytes = "ok\nok\n".repeat(5000).concat("bad \u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        CliException e = assertThrows(CliException.class, () -> lines(bytes));
        assertEquals("in line 10001: not valid UTF-8 text", e.getMessage());
        assertEquals(ExitCodes.DATA, e.exitCode());
        // An encoded surrogate (ED A0 80) is not UTF-8 either.
        byte[] surrogate = {'a', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};
        assertEquals("in line 2: not valid UTF-8 text", assertThrows(CliException.class, () -> lines(surrogate)).getMessage());
    }

    /** An input of zero bytes that never ends: 1,100 MiB without a line end (issue 12, item 8). */
    private static java.io.InputStream endlessZeros() {
        return new java.io.InputStream() {
            private long left = 1_100L << 20;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void aLineLongerThanTheLimitIsBadDataNotAnOverflow() {
        CliException e = assertThrows(CliException.class, () -> new Utf8Lines(endlessZeros(), "-").next());
        assertEquals(ExitCodes.DATA, e.exitCode());
        assertEquals("- line 1: longer than 67108864 bytes, the longest line sigmalang reads (is the input text?)",
                e.getMessage());
    }

    @Test
    void aLineOfExactlyTheLimitIsRead() throws IOException {
        byte[] text = "abcdefghij\nabcdefghijk\n".getBytes(StandardCharsets.UTF_8);
        Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(text), "t", 10);
        assertEquals("abcdefghij", lines.next());
        CliException e = assertThrows(CliException.class, lines::next);
        assertEquals("t line 2: longer than 10 bytes, the longest line sigmalang reads (is the input text?)",
                e.getMessage());
    }
}
