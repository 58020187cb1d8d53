package io.sigmalang.adapters.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's local command, run as a user runs it: {@code java @adapters/spark/target/spark-local.args ...} in a
 * JVM of its own, with no Spark installation. Its stderr holds the job's lines and nothing of Spark's.
 */
class LocalRunIT {
    private static final String SLF4J_PROVIDERS = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";

    @TempDir
    Path dir;

    private record Run(int exitCode, List<String> err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + System.getProperty("spark.local.args"));
        command.addAll(List.of(args));
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile());
        builder.environment().remove("SPARK_LOCAL_IP");
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the job finished");
        return new Run(process.exitValue(), Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    @Test
    void theSampleIsEncodedLocallyAndOnlyTheJobSpeaks() throws Exception {
        Path samples = Path.of(System.getProperty("sigmalang.samples"));
        Path out = dir.resolve("out");

        Run run = run("encode", samples.resolve("messages.jsonl").toString(), out.toString());

        assertEquals(0, run.exitCode(), String.join("\n", run.err()));
        assertEquals(5, run.err().size(), String.join("\n", run.err()));
        assertTrue(run.err().get(0).matches("spark session 4\\.2\\.0 \\(local\\[\\*]\\) started in [0-9.]+ s"),
                run.err().get(0));
        // The same 40 texts as samples/conversation.txt, of which the CLI's encode reports 2,013 bytes of text.
        assertTrue(run.err().get(1).startsWith("encoded 40 messages of 3 conversations in "), run.err().get(1));
        assertTrue(run.err().get(1).contains(": 2,013 bytes of text in, "), run.err().get(1));
        assertEquals("  rejected rows: 0", run.err().get(3));
        // Fewer acquires than messages: a full-form stream goes out of its conversation's window buffer, leased
        // once per window rather than once per message.
        assertTrue(run.err().get(4).matches("  pools adaptive, summed over the executors: [1-9][0-9]? acquires, .*"),
                run.err().get(4));
        assertTrue(Files.isDirectory(out.resolve("outcome=encoded")));
    }

    @Test
    void theLocalClassPathHasExactlyOneSlf4jProviderAndTheJobJarNone() throws IOException {
        String args = Files.readString(Path.of(System.getProperty("spark.local.args")), StandardCharsets.UTF_8);
        Matcher cp = Pattern.compile("-cp\\s+\"([^\"]+)\"").matcher(args);
        assertTrue(cp.find(), args);
        List<String> providers = new ArrayList<>();
        for (String entry : cp.group(1).split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
                try (ZipFile jar = new ZipFile(path.toFile())) {
                    if (jar.getEntry(SLF4J_PROVIDERS) != null) {
                        providers.add(path.getFileName().toString());
                    }
                }
            } else if (Files.exists(path.resolve(SLF4J_PROVIDERS))) {
                providers.add(entry);
            }
        }
        assertEquals(1, providers.size(), providers.toString());
        assertTrue(providers.get(0).startsWith("log4j-slf4j2-impl-"), providers.toString());

        Path jobJar = Path.of(System.getProperty("spark.local.args")).resolveSibling("sigmalang-spark-job.jar");
        try (ZipFile jar = new ZipFile(jobJar.toFile())) {
            assertEquals(null, jar.getEntry(SLF4J_PROVIDERS));
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/")), "no Spark, SLF4J or Jackson");
            assertTrue(jar.getEntry("io/sigmalang/adapters/spark/job/SigmaSparkJob.class") != null);
            assertTrue(jar.getEntry("io/sigmalang/pool/fixed/FixedBufferPool.class") != null);
            String services = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/io.sigmalang.domain.pool.spi.PoolStrategyProvider")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals(List.of("io.sigmalang.pool.adaptive.AdaptivePoolProvider",
                    "io.sigmalang.pool.fixed.FixedPoolProvider"), services.lines().sorted().toList());
        }
    }

    @Test
    void aRejectedRowUnderFailFastIsOneLineAndExit65() throws Exception {
        Path input = dir.resolve("dup.jsonl");
        Files.writeString(input, """
                {"conversation": "a", "seq": 1, "text": "hi there"}
                {"conversation": "a", "seq": 2, "text": "Define recursion"}
                {"conversation": "a", "seq": 2, "text": "Explain recursion"}
                """, StandardCharsets.UTF_8);

        Run run = run("encode", input.toString(), dir.resolve("out").toString(), "--fail-fast");

        assertEquals(65, run.exitCode(), String.join("\n", run.err()));
        assertEquals(2, run.err().size(), String.join("\n", run.err()));
        assertEquals("sigmalang-spark encode: conversation \"a\" seq 2: not encoded: seq 2 appears more than once in"
                + " this conversation (the first by text was encoded)", run.err().get(1));
    }
}
