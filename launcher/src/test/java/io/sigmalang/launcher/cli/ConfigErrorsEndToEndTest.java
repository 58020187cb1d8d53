package io.sigmalang.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sigmalang.launcher.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration errors as a user meets them: exit 2, one line on stderr, nothing written. */
class ConfigErrorsEndToEndTest {
    private static final Path SAMPLE = Path.of("../samples/conversation.txt");

    @TempDir
    Path dir;

    @Test
    void aPoolTooLargeForTheFootprintBoundIsRefusedBeforeAnythingIsAllocated() {
        Path out = dir.resolve("x.sigma");
        CliRun r = CliRun.shipped("encode", SAMPLE.toString(), "-o", out.toString(), "--pool", "fixed",
                "--set", "pool.capacity=128", "--set", "pool.buffer-size=67108864");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertEquals(List.of("sigmalang encode: invalid configuration: pool.capacity × pool.buffer-size = 128 ×"
                + " 67108864 = 8589934592 bytes (from command-line option --set; command-line option --set) exceeds"
                + " the 1GiB a configured fixed pool may retain: lower pool.capacity or pool.buffer-size"), r.errLines());
        assertFalse(Files.exists(out));
    }

    @Test
    void aListInTheConfigFileIsOneLineSayingItIsAList() throws IOException {
        Path conf = dir.resolve("sigmalang.conf");
        Files.writeString(conf, "pool {\n  capacity = [\n    1,\n    2\n  ]\n}\n");
        CliRun r = CliRun.shipped("encode", SAMPLE.toString(), "-o", dir.resolve("x.sigma").toString(), "--config",
                conf.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertEquals(List.of("sigmalang encode: invalid configuration: pool.capacity = a list of 2 values [1, 2] (from"
                + " file " + conf + " line 2): expected an integer 1..65536"), r.errLines());
    }
}
