package io.sigmalang.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code sigmalang.jar}, run with {@code java -jar} in a JVM of its own as a user runs it (after
 * {@code package}, in the integration-test phase). Standard error must be the summary or the one error line and
 * nothing else: no JDK warning (Unsafe, native access), no logging noise. Native access is denied, so a
 * restricted FFM call would fail here rather than warn.
 */
class SigmalangJarIT {
    private static final Path SAMPLE = Path.of("../samples/conversation.txt").toAbsolutePath();
    private static Path jar;

    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one run. */
    record Run(int exitCode, byte[] out, List<String> err) {
        @Override
        public String toString() {
            return "exit " + exitCode + ", stderr: " + String.join("\n", err);
        }
    }

    @BeforeAll
    static void findTheJar() {
        jar = Path.of(System.getProperty("sigmalang.jar", "target/sigmalang.jar"));
        assertTrue(Files.isRegularFile(jar), "run after package: no " + jar);
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--illegal-native-access=deny", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".bin");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                .toFile())).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sigmalang.jar " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), Files.readAllBytes(out),
                Files.readString(err, StandardCharsets.UTF_8).lines().toList());
    }

    private byte[] encode(String... poolArgs) throws IOException, InterruptedException {
        Path container = dir.resolve("c" + System.nanoTime() + ".sigma");
        List<String> args = new ArrayList<>(List.of("encode", SAMPLE.toString(), "-o", container.toString()));
        args.addAll(List.of(poolArgs));
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(3, r.err().size(), "stderr is the summary alone: " + r);
        assertTrue(r.err().get(0).startsWith("encoded 40 messages: "), r.toString());
        assertTrue(r.err().get(1).startsWith("  paths: "), r.toString());
        String strategy = poolArgs.length == 0 ? "adaptive" : poolArgs[1];
        assertTrue(r.err().get(2).startsWith("  pool " + strategy + ": "), r.toString());
        assertFalse(r.err().stream().anyMatch(line -> line.contains("WARNING")), r.toString());
        return Files.readAllBytes(container);
    }

    @Test
    void everyStrategyEncodesTheSampleWithTheSummaryAloneOnStderr() throws Exception {
        byte[] adaptive = encode();
        assertArrayEquals(adaptive, encode("--pool", "fixed"));
        assertArrayEquals(adaptive, encode("--pool", "offheap"));
        assertArrayEquals(adaptive, encode("--pool", "offheap", "--set", "pool.offheap.zeroing=on-release"));

        Path container = dir.resolve("sample.sigma");
        Files.write(container, adaptive);
        Run decoded = run("decode", container.toString());
        assertEquals(0, decoded.exitCode(), decoded.toString());
        assertEquals(List.of(), decoded.err());
        assertEquals(40, new String(decoded.out(), StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void aWrongStrategyIsOneLineAndExitCode2() throws Exception {
        Run r = run("encode", SAMPLE.toString(), "-o", dir.resolve("x.sigma").toString(), "--pool", "bogus");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(List.of("sigmalang encode: invalid configuration: pool.strategy = \"bogus\" (from command-line"
                + " option --pool): expected one of adaptive, fixed, offheap"), r.err());
    }
}
