package io.sigmalang.launcher.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An application module compiled and run against the packaged jars on the module path, as a JPMS user would:
 * the published API compiles and works, the internal packages do not compile and cannot be reached by
 * reflection. Runs after {@code package} (integration-test phase), when the reactor resolves every sigmalang
 * module to its jar.
 */
class LibraryConsumerIT {
    /** The sigmalang library jars and the libraries they need: everything a consumer's module path holds. */
    private static final List<String> MODULE_PATH_PREFIXES = List.of("sigmalang-domain-", "sigmalang-pool-fixed-",
            "sigmalang-pool-adaptive-", "sigmalang-pool-offheap-", "sigmalang-adapters-", "sigmalang-metrics-",
            "jackson-core-", "micrometer-", "jspecify-", "HdrHistogram-");

    private static List<Path> modulePath;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTheJars() throws IOException {
        modulePath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> MODULE_PATH_PREFIXES.stream().anyMatch(prefix -> p.getFileName().toString().startsWith(prefix)))
                .filter(p -> !p.getFileName().toString().endsWith("-tests.jar"))
                .toList();
        List<String> sigmalang = modulePath.stream().map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("sigmalang-")).sorted().toList();
        assertEquals(6, sigmalang.size(), "the six library jars: " + modulePath);
        for (Path jar : modulePath.stream().filter(p -> p.getFileName().toString().startsWith("sigmalang-")).toList()) {
            assertTrue(Files.isRegularFile(jar) && jar.toString().endsWith(".jar"),
                    "run after package, against the jars: " + jar);
            try (JarFile file = new JarFile(jar.toFile())) {
                assertTrue(file.getEntry("module-info.class") != null, jar + " carries a module descriptor");
            }
        }
    }

    private static String modulePathString() {
        return modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Writes the consumer module {@code app} with one class {@code app.Main}. */
    private Path consumer(String requires, String imports, String body) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("app"));
        Files.writeString(src.resolve("module-info.java"), "module app {\n" + requires + "}\n");
        Files.writeString(src.resolve("app/Main.java"), "package app;\n" + imports
                + "public class Main {\n    public static void main(String[] args) throws Exception {\n" + body
                + "\n    }\n}\n");
        return src;
    }

    /** javac's exit status and what it printed. */
    private record Compilation(int exit, String diagnostics) {
    }

    /** Compiles the consumer with {@code --release 21} against the module path alone. */
    private Compilation compile(Path src) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // An empty class path: in-process javac would otherwise search this test's own class path.
        Path emptyClassPath = Files.createDirectories(dir.resolve("no-class-path"));
        List<String> args = new ArrayList<>(List.of("--release", "21", "-Xlint:all", "--class-path",
                emptyClassPath.toString(), "--module-path", modulePathString(), "-d", dir.resolve("classes").toString()));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = javac.run(null, null, err, args.toArray(String[]::new));
        return new Compilation(exit, err.toString(StandardCharsets.UTF_8));
    }

    private String compileExpectingSuccess(Path src) throws IOException {
        Compilation c = compile(src);
        assertEquals(0, c.exit(), c.diagnostics());
        return c.diagnostics();
    }

    private List<String> run() throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", dir.resolve("classes") + File.pathSeparator + modulePathString(), "-m", "app/app.Main")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the consumer did not finish in 60 s");
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join("\n", lines));
        return lines;
    }

    @Test
    void theApiCompilesAndRunsOnTheModulePathAndTheInternalsStayClosedToReflection() throws Exception {
        Path src = consumer("""
                    requires io.sigmalang.pool.fixed;
                    requires io.sigmalang.adapters;
                    requires io.sigmalang.adapters.metrics;
                """, """
                import io.sigmalang.adapters.parser.RuleBasedTextParser;
                import io.sigmalang.domain.codec.EncoderSettings;
                import io.sigmalang.domain.codec.SigmaDecoder;
                import io.sigmalang.domain.codec.SigmaEncoder;
                import io.sigmalang.domain.tree.SemanticNode;
                import io.sigmalang.domain.tree.SemanticTree;
                import io.sigmalang.pool.fixed.FixedBufferPool;
                """, """
                        try (FixedBufferPool pool = new FixedBufferPool(4, 4096)) {
                            SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.defaults());
                            SigmaDecoder decoder = new SigmaDecoder(EncoderSettings.defaults());
                            SemanticTree built = SemanticTree.of(SemanticNode.of(0x61, SemanticNode.leaf(0x0F, "hi there")));
                            byte[] stream = encoder.encode(built);
                            System.out.println(stream.length + " " + decoder.decode(stream).equals(built));
                            SemanticTree parsed = new RuleBasedTextParser().parse("hi there");
                            System.out.println(parsed.root());
                            System.out.println(new io.sigmalang.adapters.metrics.EncoderStatsBean(encoder::stats).getMessages());
                        }
                        String[][] fields = {{"io.sigmalang.domain.codec.EncodingPath", "FULL"},
                                {"io.sigmalang.domain.wire.Crc16", "INITIAL"},
                                {"io.sigmalang.domain.hash.SigmaHash", "CONTENT_LIMIT"}};
                        for (String[] field : fields) {
                            try {
                                Class.forName(field[0]).getField(field[1]).get(null);
                                System.out.println("open " + field[0]);
                            } catch (IllegalAccessException e) {
                                System.out.println("closed " + field[0]);
                            }
                        }
                """);
        String warnings = compileExpectingSuccess(src);
        assertFalse(warnings.contains("warning"), warnings);
        List<String> lines = run();
        // "hi there" as ASSERT[ABSTRACT="hi there"]: header 4 + composite 0x61 by escape 2 + leaf 0x0F with its
        // 8 bytes 10 + end marker 1 + CRC 2 = 19 bytes (the README's first example counts the same).
        assertEquals("19 true", lines.get(0));
        assertEquals("0x61[0x0F=\"hi there\"]", lines.get(1));
        assertEquals("1", lines.get(2));
        // A public field of an exported package is readable by reflection (the control); the internal ones are not.
        assertEquals(List.of("open io.sigmalang.domain.codec.EncodingPath", "closed io.sigmalang.domain.wire.Crc16",
                "closed io.sigmalang.domain.hash.SigmaHash"), lines.subList(3, 6));
    }

    /**
     * Each internal package, named by one public class in it: a consumer that imports it does not compile.
     * MERGE with issue 11: add {@code io.sigmalang.domain.pool.engine, BufferSlots} once the engine has moved there.
     */
    @ParameterizedTest
    @CsvSource({
            "io.sigmalang.domain.wire, Glyphs",
            "io.sigmalang.domain.wire, FullFormWriter",
            "io.sigmalang.domain.wire, ByteArraySink",
            "io.sigmalang.domain.hash, SigmaHash"})
    void anInternalPackageDoesNotCompile(String pkg, String type) throws Exception {
        Path src = consumer("    requires io.sigmalang.pool.fixed;\n    requires io.sigmalang.adapters;\n",
                "import " + pkg + "." + type + ";\n",
                "        System.out.println(" + type + ".class);");
        Compilation c = compile(src);
        assertEquals(1, c.exit(), c.diagnostics());
        assertTrue(c.diagnostics().contains("package " + pkg + " is not visible")
                && c.diagnostics().contains("does not export it"), c.diagnostics());
    }

    /** Each library jar has its -sources and -javadoc jars beside it; the javadoc shows no internal package. */
    @Test
    void everyLibraryJarComesWithSourcesAndJavadocOfTheApiOnly() throws IOException {
        for (Path jar : modulePath.stream().filter(p -> p.getFileName().toString().startsWith("sigmalang-")).toList()) {
            String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            Path sources = jar.resolveSibling(base + "-sources.jar");
            Path javadoc = jar.resolveSibling(base + "-javadoc.jar");
            assertTrue(Files.isRegularFile(sources), "no " + sources);
            assertTrue(Files.isRegularFile(javadoc), "no " + javadoc);
            try (JarFile file = new JarFile(javadoc.toFile())) {
                List<String> packagePages = file.stream().map(e -> e.getName())
                        .filter(n -> n.endsWith("/package-summary.html")).toList();
                assertFalse(packagePages.isEmpty(), javadoc + " documents no package");
                for (String internal : List.of("/io/sigmalang/domain/wire/", "/io/sigmalang/domain/hash/")) {
                    assertTrue(packagePages.stream().noneMatch(n -> n.contains(internal)), javadoc + ": " + packagePages);
                }
            }
        }
        // The domain's javadoc documents exactly its exported API packages (MERGE with issue 11: add "pool/spi";
        // the engine, exported to the pools only, is left out by the domain pom's excludePackageNames).
        Path domain = modulePath.stream().filter(p -> p.getFileName().toString().startsWith("sigmalang-domain-"))
                .findFirst().orElseThrow();
        try (JarFile file = new JarFile(domain.resolveSibling(
                domain.getFileName().toString().replaceFirst("\\.jar$", "-javadoc.jar")).toFile())) {
            Set<String> documented = file.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith("/package-summary.html"))
                    .map(n -> n.substring("io.sigmalang.domain/io/sigmalang/domain/".length(),
                            n.length() - "/package-summary.html".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("codebook", "codec", "format", "parser", "pool", "primitive", "tree"), documented);
        }
    }

    /** The control for the test above: the same consumer, importing an exported type, compiles. */
    @Test
    void theSameConsumerWithAnExportedTypeCompiles() throws Exception {
        Path src = consumer("    requires io.sigmalang.pool.fixed;\n    requires io.sigmalang.adapters;\n",
                "import io.sigmalang.domain.format.MalformedStreamException;\n",
                "        System.out.println(MalformedStreamException.class);");
        compileExpectingSuccess(src);
    }
}
