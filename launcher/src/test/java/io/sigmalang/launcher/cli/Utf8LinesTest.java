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
}
