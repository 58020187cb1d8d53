package io.sigmalang.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sigmalang} runs the same CLI as {@code java -jar launcher/target/sigmalang.jar}: the same container
 * for the sample, whether or not an ahead-of-time cache was built (CI builds none; the cache only changes
 * start-up time).
 */
class BinScriptIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private int run(List<String> command, Path stderr) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        return process.exitValue();
    }

    @Test
    void theScriptEncodesTheSampleAsTheJarDoes() throws Exception {
        String sample = ROOT.resolve("samples/conversation.txt").toString();
        Path viaScript = dir.resolve("script.sigma");
        Path viaJar = dir.resolve("jar.sigma");
        Path err = dir.resolve("err.txt");
        assertEquals(0, run(List.of("sh", ROOT.resolve("bin/sigmalang").toString(), "encode", sample, "-o",
                viaScript.toString()), err), Files.readString(err));
        assertTrue(Files.readString(err).startsWith("encoded 40 messages: "), Files.readString(err));
        assertEquals(3, Files.readAllLines(err).size(), "the summary alone on stderr: " + Files.readString(err));
        assertEquals(0, run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ROOT.resolve("launcher/target/sigmalang.jar").toString(), "encode", sample, "-o", viaJar.toString()),
                err), Files.readString(err));
        assertArrayEquals(Files.readAllBytes(viaJar), Files.readAllBytes(viaScript));
    }
}
