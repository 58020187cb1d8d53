package io.sigmalang.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigmalang.jar} in a JVM of its own against what only a real process meets (issue 12, items 1, 10, 11):
 * a full disk behind standard output ({@code /dev/full}), a file size limit ({@code ulimit -f}) standing for a
 * disk that fills while a file is written, SIGTERM and SIGINT in the middle of a run, and standard error
 * redirected to a file.
 */
class FailingDisksIT {
    private static final Path SAMPLE = Path.of("../samples/conversation.txt").toAbsolutePath();
    private static Path jar;

    @TempDir
    Path dir;

    record Run(int exitCode, List<String> err) {
    }

    @BeforeAll
    static void findTheJar() {
        jar = Path.of(System.getProperty("sigmalang.jar", "target/sigmalang.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "run after package: no " + jar);
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:-UsePerfData", "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Run run(List<String> command, Path stdout) throws IOException, InterruptedException {
        Path err = Files.createTempFile("err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                    Path.of("/dev/null").toFile())).redirectOutput(stdout.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in 120 s");
            }
            return new Run(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8).lines().toList());
        } finally {
            Files.delete(err);
        }
    }

    private List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void standardOutputOnAFullDiskIsAnIoErrorNotASuccess() throws Exception {
        Path container = dir.resolve("c.sigma");
        assertEquals(0, run(java("encode", SAMPLE.toString(), "-o", container.toString()), Path.of("/dev/null"))
                .exitCode());
        for (String[] args : new String[][] {{"encode", SAMPLE.toString()}, {"decode", container.toString()},
                {"parse", SAMPLE.toString()}}) {
            Run r = run(java(args), Path.of("/dev/full"));
            assertEquals(74, r.exitCode(), String.join(" ", args) + ": " + r);
            assertEquals(List.of("sigmalang " + args[0] + ": cannot write standard output: IOException: No space left"
                    + " on device"), r.err(), String.join(" ", args));
        }
    }

    @Test
    void aFileThatCannotBeWrittenWholeIsNotLeftHalfWritten() throws Exception {
        // A tree of four 30,000-character values: about 120 KB of JSON, over a file size limit of 64 KiB.
        String value = "v".repeat(30_000);
        String tree = "{\"primitive\": 80, \"children\": [" + String.join(", ", java.util.Collections.nCopies(4,
                "{\"primitive\": 16, \"value\": \"" + value + "\"}")) + "]}";
        Path json = Files.writeString(dir.resolve("big.json"), tree);
        Path streams = dir.resolve("streams");
        assertEquals(0, run(java("tree-encode", json.toString(), "--out-dir", streams.toString()), Path.of("/dev/null"))
                .exitCode());
        Path out = Files.createDirectory(dir.resolve("out"));
        List<String> limited = new ArrayList<>(List.of("bash", "-c", "ulimit -f 64 && exec \"$@\"", "bash"));
        limited.addAll(java("tree-decode", streams.resolve("big.sigma").toString(), "--out-dir", out.toString()));
        Run r = run(limited, Path.of("/dev/null"));
        assertEquals(74, r.exitCode(), r.toString());
        assertEquals(1, r.err().size(), r.toString());
        assertTrue(r.err().get(0).startsWith("sigmalang tree-decode: cannot write " + out.resolve("big.json") + ": "),
                r.toString());
        assertEquals(List.of(), names(out), "no truncated big.json, no temporary file");

        Path text = dir.resolve("text.txt");
        Files.writeString(text, "define a stack\n".repeat(5_000)); // 5,000 lines of 70 bytes of JSON each
        List<String> parse = new ArrayList<>(List.of("bash", "-c", "ulimit -f 64 && exec \"$@\"", "bash"));
        parse.addAll(java("parse", text.toString(), "-o", out.resolve("trees.jsonl").toString()));
        Run p = run(parse, Path.of("/dev/null"));
        assertEquals(74, p.exitCode(), p.toString());
        assertEquals(List.of(), names(out));
    }

    private void interruptedRunLeavesNothing(String signal) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out-" + signal));
        Process process = new ProcessBuilder(java("encode", "-", "-o", out.resolve("c.sigma").toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("hello world\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (names(out).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "no temporary file appeared in 60 s");
                Thread.sleep(20);
            }
            assertTrue(names(out).get(0).startsWith(".c.sigma."), names(out).toString());
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run stopped on SIG" + signal);
        } catch (IOException e) {
            // stdin closed by the stopped process: fine.
        } finally {
            process.destroyForcibly();
        }
        assertEquals(List.of(), names(out), "SIG" + signal + " left files behind");
    }

    @Test
    void sigtermRemovesTheTemporaryFile() throws Exception {
        interruptedRunLeavesNothing("TERM");
    }

    @Test
    void sigintRemovesTheTemporaryFile() throws Exception {
        // A build started in the background (nohup, a non-interactive shell's &) ignores SIGINT, and so does every
        // JVM it starts: there SIGINT never reaches the run, by design, and there is nothing to test.
        org.junit.jupiter.api.Assumptions.assumeFalse(ignoresSigint(), "SIGINT is ignored by this process tree");
        interruptedRunLeavesNothing("INT");
    }

    /** Whether this process ignores SIGINT (signal 2: bit 1 of SigIgn in /proc/self/status). */
    private static boolean ignoresSigint() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 2L) != 0;
            }
        }
        return false;
    }

    @Test
    void noProgressBarWhenStandardErrorIsRedirected() throws Exception {
        // Over the 1 MB threshold: the sample conversation repeated.
        String sample = Files.readString(SAMPLE);
        Path big = dir.resolve("big.txt");
        Files.writeString(big, sample.repeat(1_100_000 / sample.length() + 1));
        assertTrue(Files.size(big) > 1_000_000);
        Run r = run(java("encode", big.toString(), "-o", dir.resolve("big.sigma").toString()), Path.of("/dev/null"));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(3, r.err().size(), "the summary alone: " + r);
        assertFalse(String.join("\n", r.err()).contains("\r"), "no progress frames: " + r);
        assertTrue(r.err().get(0).startsWith("encoded "), r.toString());
    }
}
