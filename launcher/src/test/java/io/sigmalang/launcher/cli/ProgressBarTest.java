package io.sigmalang.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.launcher.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarTest {

    @TempDir
    Path dir;

    @Test
    void shownOnlyForATerminalAndMoreThanOneMegabyte() {
        assertFalse(ProgressBar.wanted(true, 1 << 20));
        assertTrue(ProgressBar.wanted(true, (1 << 20) + 1));
        assertFalse(ProgressBar.wanted(false, 10L << 20));
        assertFalse(ProgressBar.wanted(true, -1));
    }

    @Test
    void encodeDrawsTheBarOnAnInteractiveStderrOnly() throws IOException {
        // 11,000 lines of 100 bytes: just over 1 MB.
        String line = "Sort the list of failed jobs by start time and write a Java function that reports them, ok?"
                + " #######";
        assertEquals(99, line.length());
        Path input = Files.writeString(dir.resolve("big.txt"), (line + "\n").repeat(11_000));
        CliRun shown = CliRun.run(true, new byte[0], Map.of(), "encode", input.toString(), "-o",
                dir.resolve("a.sigma").toString(), "--pool", "heap");
        assertEquals(ExitCodes.OK, shown.exitCode(), shown.toString());
        assertTrue(shown.err().contains("] 100% 1.1/1.1 MB\n"), shown.err());
        CliRun hidden = CliRun.run(false, new byte[0], Map.of(), "encode", input.toString(), "-o",
                dir.resolve("b.sigma").toString(), "--pool", "heap");
        assertEquals(ExitCodes.OK, hidden.exitCode(), hidden.toString());
        assertFalse(hidden.err().contains("%"), hidden.err());
        assertTrue(hidden.err().startsWith("encoded 11,000 messages"), hidden.err());
    }
}
