package io.sigmalang.launcher.cli;

import static io.sigmalang.launcher.testing.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sigmalang.launcher.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 4, for the case the FIFO test leaves out: {@code -o} naming a device node. As root, a run on the
 * old main replaced {@code /dev/null} with a regular file; here a node of its own is made in a temporary directory
 * (the null device, 1,3), so that a regression replaces only that node. Skipped where {@code mknod} is not allowed.
 */
class DeviceNodeOutputTest {
    /** The file type bits of st_mode and the value for a character device. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    @TempDir
    Path dir;

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void aCharacterDeviceAsOutputIsRefusedAndStaysADevice() throws Exception {
        Path node = dir.resolve("null");
        int made = new ProcessBuilder("mknod", node.toString(), "c", "1", "3").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        assumeTrue(made == 0, "mknod is not allowed here");
        assertEquals(S_IFCHR, mode(node) & S_IFMT);
        Path text = Files.writeString(dir.resolve("t.txt"), "hello world\n");
        for (String[] args : new String[][] {{"encode", "--pool", "heap"}, {"parse"}}) {
            String command = args[0];
            String[] all = new String[args.length + 3];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = text.toString();
            all[args.length + 1] = "-o";
            all[args.length + 2] = node.toString();
            CliRun r = run(all);
            assertEquals(ExitCodes.IO, r.exitCode(), r.toString());
            assertEquals(1, r.errLines().size(), r.toString());
            assertTrue(r.err().startsWith("sigmalang " + command + ": cannot write " + node + ": it exists and is not"
                    + " a regular file"), r.err());
            assertEquals(S_IFCHR, mode(node) & S_IFMT, "still a character device after " + command);
        }
    }
}
