package io.sigmalang.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.launcher.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped strategies, on the shipped sample conversation, through the CLI with only what the launcher
 * ships installed: the pool decides where bytes are staged, never what they are.
 */
class PoolStrategiesEndToEndTest {
    private static final Path SAMPLE = Path.of("../samples/conversation.txt");

    @TempDir
    Path dir;

    private byte[] encode(String strategy, String... extraArgs) throws IOException {
        Path out = dir.resolve(strategy + "-" + extraArgs.length + ".sigma");
        List<String> args = new ArrayList<>(List.of("encode", SAMPLE.toString(), "-o", out.toString()));
        args.addAll(List.of(extraArgs));
        CliRun r = CliRun.shipped(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("\n  pool " + strategy + ": "), "the " + strategy + " pool did the work: " + r.err());
        return Files.readAllBytes(out);
    }

    @Test
    void fixedAdaptiveAndOffHeapWriteByteIdenticalContainers() throws IOException {
        byte[] adaptive = encode("adaptive");
        assertArrayEquals(adaptive, encode("fixed", "--pool", "fixed"));
        assertArrayEquals(adaptive, encode("offheap", "--pool", "offheap"));
        assertArrayEquals(adaptive, encode("adaptive", "--pool", "adaptive"));
        // 64-byte buffers: most streams are written across several leased buffers; still the same bytes.
        for (String strategy : List.of("fixed", "adaptive", "offheap")) {
            assertArrayEquals(adaptive, encode(strategy, "--pool", strategy, "--set", "pool.buffer-size=64"), strategy);
        }
        assertArrayEquals(adaptive, encode("offheap", "--pool", "offheap", "--set", "pool.offheap.zeroing=on-release"));
    }

    @Test
    void theContainerDecodesToWhatTheParserMakesOfTheSample() throws IOException {
        Path container = dir.resolve("sample.sigma");
        Files.write(container, encode("offheap", "--pool", "offheap"));
        CliRun decoded = CliRun.shipped("decode", container.toString());
        assertEquals(ExitCodes.OK, decoded.exitCode(), decoded.toString());
        CliRun parsed = CliRun.shipped("parse", SAMPLE.toString());
        assertEquals(ExitCodes.OK, parsed.exitCode(), parsed.toString());
        assertEquals(40, parsed.outLines().size(), "one tree per line of the sample");
        assertEquals(parsed.outLines(), decoded.outLines());
    }

    @Test
    void theDefaultIsTheAdaptivePoolAndNeedsNoSetup() throws IOException {
        CliRun r = CliRun.shipped("encode", SAMPLE.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        List<String> err = r.errLines();
        assertEquals(3, err.size(), "the summary and nothing else: " + r.err());
        assertTrue(err.get(0).startsWith("encoded 40 messages: "), r.err());
        assertTrue(err.get(1).startsWith("  paths: "), r.err());
        assertTrue(err.get(2).startsWith("  pool adaptive: "), r.err());
        assertArrayEquals(encode("adaptive"), r.out(), "standard output carries the same container as -o");
    }

    @Test
    void aWrongStrategyIsOneLineListingTheInstalledOnes() {
        CliRun r = CliRun.shipped("encode", SAMPLE.toString(), "-o", dir.resolve("x.sigma").toString(), "--pool", "bogus");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals(List.of("sigmalang encode: invalid configuration: pool.strategy = \"bogus\" (from command-line"
                + " option --pool): expected one of adaptive, fixed, offheap"), r.errLines());
        assertFalse(Files.exists(dir.resolve("x.sigma")), "nothing is written for a run that cannot start");
    }

    @Test
    void aBoundTooSmallForThePreallocatedBuffersNamesTheKeys() {
        CliRun r = CliRun.shipped("encode", SAMPLE.toString(), "-o", dir.resolve("x.sigma").toString(), "--pool",
                "offheap", "--set", "pool.bound.max-bytes=64KiB");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertEquals(List.of("sigmalang encode: invalid configuration: pool.capacity × pool.buffer-size = 32 × 4096 ="
                + " 131072 bytes (from built-in defaults; built-in defaults) must not exceed pool.bound.max-bytes = 64KiB"
                + " (from command-line option --set): the offheap pool allocates all its buffers up front"), r.errLines());
        // The adaptive pool creates buffers on demand: the same bound is fine for it.
        CliRun adaptive = CliRun.shipped("encode", SAMPLE.toString(), "-o", dir.resolve("y.sigma").toString(), "--set",
                "pool.bound.max-bytes=64KiB");
        assertEquals(ExitCodes.OK, adaptive.exitCode(), adaptive.toString());
    }

    @Test
    void aPoolGivingUpAtItsBoundIsAConfigurationErrorNamingTheKey() {
        Path out = dir.resolve("x.sigma");
        CliRun r = CliRun.shipped("encode", SAMPLE.toString(), "-o", out.toString(), "--set", "pool.buffer-size=64",
                "--set", "pool.bound.max-bytes=64", "--set", "pool.bound.policy=fail-fast");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        String line = r.errLines().get(0);
        assertTrue(line.matches("sigmalang encode: \\Q" + SAMPLE + "\\E line \\d+: pool 'adaptive' is at its bound of 64"
                + " bytes .*: raise pool.bound.max-bytes = 64 \\(from command-line option --set\\) or set"
                + " pool.bound.policy = allocate-unpooled"), line);
        assertFalse(Files.exists(out));
    }

    @Test
    void theSampleShowsTheBankAndDeltaPaths() {
        CliRun r = CliRun.shipped("encode", SAMPLE.toString(), "-o", dir.resolve("s.sigma").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("encoded 40 messages"), r.err());
        assertTrue(!r.err().contains("bank_reference 0,") && !r.err().contains("context_delta 0,"), r.err());
    }
}
