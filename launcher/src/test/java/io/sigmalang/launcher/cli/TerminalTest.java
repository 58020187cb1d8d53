package io.sigmalang.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether stderr is a terminal is read from what its file descriptor is open on (issue 12, item 11). */
class TerminalTest {
    @TempDir
    Path dir;

    @Test
    void aDescriptorOnATerminalDeviceIsATerminal() throws IOException {
        // Links as /proc/self/fd/N shows them; the devices need not exist for the link to be read.
        assertTrue(Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"))));
        assertTrue(Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"))));
    }

    @Test
    void aDescriptorOnAFileOrAPipeIsNot() throws IOException {
        assertFalse(Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("file"), dir.resolve("err.txt"))));
        assertFalse(Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[123456]"))));
        assertFalse(Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"))));
    }

    @Test
    void theTestRunsOwnStandardErrorIsNoTerminal() {
        // Surefire redirects the forked JVM's stderr to a pipe.
        assertFalse(Terminal.system().interactive());
    }
}
