package io.sigmalang.pool.offheap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a JVM older than 25 the off-heap module says in words what it needs; on 25 it says nothing. The older JVM is
 * a real one: Java 17, the oldest JDK on the build machine ({@code -Dsigmalang.older.java=/path/to/bin/java}
 * to choose another); the test is skipped, and says so, where there is none.
 */
class OffHeapRequirementTest {
    private static final Path CLASSES = Path.of("target/classes");

    @TempDir
    Path dir;

    private static int classFileMajor(String name) throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve(name));
                DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }

    @Test
    void theCheckIsOlderBytecodeThanThePool() throws IOException {
        // Class-file major versions: 61 is Java 17, 69 is Java 25 (JVMS table 4.1-A).
        assertEquals(61, classFileMajor("io/sigmalang/pool/offheap/OffHeapRequirement.class"));
        assertEquals(69, classFileMajor("io/sigmalang/pool/offheap/OffHeapBufferPool.class"));
    }

    @Test
    void saysNothingOnJava25AndNamesTheRequirementBelow() {
        assertDoesNotThrow(OffHeapRequirement::check); // this build runs on 25 or newer
        assertNull(OffHeapRequirement.problem(25, "25.0.3", "/jdk25"));
        assertEquals("sigmalang-pool-offheap needs Java 25 or newer (it keeps its buffers in native memory "
                + "through the FFM API), but this JVM is Java 21.0.5 (/opt/jdk21); run on Java 25, or use "
                + "sigmalang-pool-fixed or sigmalang-pool-adaptive, which run on Java 21",
                OffHeapRequirement.problem(21, "21.0.5", "/opt/jdk21"));
    }

    private record Run(int exit, List<String> output) {
    }

    private Run runOnTheOlderJvm(String mainClass) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("sigmalang.older.java", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java"));
        Assumptions.assumeTrue(Files.isExecutable(java), "no JVM older than 25 at " + java + ": not checked here");
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(java.toString(), "-cp", CLASSES.toAbsolutePath().toString(), mainClass)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the older JVM did not finish");
        return new Run(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8));
    }

    @Test
    void anOlderJvmGetsOneLineNamingJava25() throws Exception {
        Run run = runOnTheOlderJvm("io.sigmalang.pool.offheap.OffHeapRequirement");
        assertEquals(1, run.exit(), run.output().toString());
        assertEquals(1, run.output().size(), run.output().toString());
        assertTrue(run.output().get(0).startsWith("sigmalang-pool-offheap needs Java 25 or newer"), run.output().get(0));
        assertTrue(run.output().get(0).contains("but this JVM is Java 17"), run.output().get(0));
    }

    /** The control: what the same JVM says about the pool class itself, without the check. */
    @Test
    void withoutTheCheckTheOlderJvmOnlyNamesClassFileVersions() throws Exception {
        Run run = runOnTheOlderJvm("io.sigmalang.pool.offheap.OffHeapBufferPool");
        assertEquals(1, run.exit(), run.output().toString());
        assertTrue(String.join("\n", run.output()).contains("UnsupportedClassVersionError"), run.output().toString());
    }
}
