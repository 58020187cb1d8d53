package io.sigmalang.launcher;

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
 * Each command starts only what it uses: the shaded jar, run as a user runs it, with the JVM's class-loading
 * log, must not load the logging backend on a quiet run, the JMX server unless {@code --jmx} asks for it, nor
 * build a Guice injector in a command that needs no pool. These were a third of the classes a run loaded (issue 10).
 */
class StartupClassesIT {
    private static final Path SAMPLE = Path.of("../samples/conversation.txt").toAbsolutePath();
    private static Path jar;

    @TempDir
    Path dir;

    /** The classes one run loaded, and its standard error. */
    record Run(int exitCode, List<String> classes, List<String> err) {
        boolean loaded(String prefix) {
            return classes.stream().anyMatch(c -> c.startsWith(prefix));
        }
    }

    @BeforeAll
    static void findTheJar() {
        jar = Path.of(System.getProperty("sigmalang.jar", "target/sigmalang.jar"));
        assertTrue(Files.isRegularFile(jar), "run after package: no " + jar);
    }

    private Run run(String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes" + System.nanoTime() + ".txt");
        Path err = dir.resolve("err" + System.nanoTime() + ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                .toFile())).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sigmalang.jar " + String.join(" ", args) + " did not finish in 60 s");
        }
        // Lines look like "[0.012s][info][class,load] java.lang.Object source: shared objects file".
        List<String> classes = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(line -> line.substring(line.indexOf("] ", line.indexOf("[class,load]")) + 2))
                .toList();
        return new Run(process.exitValue(), classes, Files.readString(err, StandardCharsets.UTF_8).lines().toList());
    }

    private String container() throws IOException, InterruptedException {
        Path container = dir.resolve("sample.sigma");
        assertEquals(0, run("encode", SAMPLE.toString(), "-o", container.toString()).exitCode());
        return container.toString();
    }

    @Test
    void aQuietEncodeLoadsNoLoggingBackendAndNoJmx() throws Exception {
        Run r = run("encode", SAMPLE.toString(), "-o", dir.resolve("out.sigma").toString());
        assertEquals(0, r.exitCode(), r.err().toString());
        assertTrue(r.loaded("io.sigmalang.launcher.cli.EncodeCommand"), "the log was read: " + r.classes().size());
        assertFalse(r.loaded("ch.qos.logback."), "logback on a quiet run");
        assertFalse(r.loaded("org.slf4j."), "SLF4J on a quiet run");
        assertFalse(r.loaded("javax.management.MBeanServer"), "the MBean server without --jmx");
        assertFalse(r.loaded("com.sun.org.apache.xerces."), "an XML parser");
    }

    @Test
    void jmxAsksForTheMBeanServer() throws Exception {
        Run r = run("encode", SAMPLE.toString(), "-o", dir.resolve("out.sigma").toString(), "--jmx");
        assertEquals(0, r.exitCode(), r.err().toString());
        assertTrue(r.loaded("javax.management.MBeanServer"), "no MBean server with --jmx");
    }

    @Test
    void helpAndDecodeLoadNeitherGuiceNorLogging() throws Exception {
        String container = container();
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"decode", container, "-o",
                dir.resolve("out.jsonl").toString()}, new String[] {"encode", "--help"})) {
            Run r = run(args);
            assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
            // The strategy modules are instantiated for every command (com.google.inject.Module and AbstractModule
            // come with them); building an injector is what costs, and only commands that need a pool do it.
            assertFalse(r.loaded("com.google.inject.internal."), String.join(" ", args) + " builds a Guice injector");
            assertFalse(r.loaded("com.google.common."), String.join(" ", args) + " loads Guava");
            assertFalse(r.loaded("ch.qos.logback."), String.join(" ", args) + " loads logback");
        }
    }

    @Test
    void debugStillLogsTheConfigurationThroughLogbackWithoutAnXmlFile() throws Exception {
        Run r = run("encode", SAMPLE.toString(), "-o", dir.resolve("out.sigma").toString(), "--debug");
        assertEquals(0, r.exitCode(), r.err().toString());
        assertTrue(r.err().stream().anyMatch(line -> line.startsWith("DEBUG Launch: configuration: ")), r.err().toString());
        assertTrue(r.loaded("ch.qos.logback.classic.LoggerContext"), "logback under --debug");
        assertFalse(r.loaded("com.sun.org.apache.xerces."), "an XML parser under --debug");
    }
}
