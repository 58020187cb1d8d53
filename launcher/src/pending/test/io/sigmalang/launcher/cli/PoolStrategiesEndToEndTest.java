package io.sigmalang.launcher.cli;

import static io.sigmalang.launcher.testing.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.launcher.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped strategies, on the shipped sample conversation: the pool decides where bytes are staged, never what they are. */
class PoolStrategiesEndToEndTest {
    private static final Path SAMPLE = Path.of("../samples/conversation.txt");

    @TempDir
    Path dir;

    private byte[] encode(String name, String... poolArgs) throws IOException {
        Path out = dir.resolve(name + ".sigma");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("encode", SAMPLE.toString(), "-o",
                out.toString()));
        args.addAll(java.util.List.of(poolArgs));
        CliRun r = run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("  pool " + name + ": "), r.err());
        return Files.readAllBytes(out);
    }

    @Test
    void fixedAdaptiveAndOffHeapWriteByteIdenticalContainers() throws IOException {
        byte[] adaptive = encode("adaptive");
        assertArrayEquals(adaptive, encode("fixed", "--pool", "fixed"));
        assertArrayEquals(adaptive, encode("offheap", "--pool", "offheap"));
        // Small buffers force streams across several leased buffers: still the same bytes.
        assertArrayEquals(adaptive, encode("fixed", "--pool", "fixed", "--set", "pool.buffer-size=64"));
    }

    @Test
    void theSampleShowsTheBankAndDeltaPaths() {
        CliRun r = run("encode", SAMPLE.toString(), "-o", dir.resolve("s.sigma").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("encoded 40 messages"), r.err());
        assertTrue(!r.err().contains("bank_reference 0,") && !r.err().contains("context_delta 0,"), r.err());
    }
}
