package io.sigmalang.launcher.cli;

import static io.sigmalang.launcher.testing.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.domain.testing.CraftedStreams;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.launcher.testing.CliRun;
import io.sigmalang.launcher.testing.TestStrategies;
import io.sigmalang.launcher.wiring.PoolStrategies;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a run writes, as a careful attacker or a hurried user would name them (issue 12, items 2-6, 8-10,
 * the Error mapping): every output complete or absent, an input never destroyed, a special file never
 * replaced, one line for every error.
 */
class NoSilentLossTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertOneLine(CliRun r) {
        assertEquals(1, r.errLines().size(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    /** Nothing in the directory but these names (no temporary file left). */
    private void assertOnly(Path directory, String... names) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(names).stream().sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private Path encoded(String name) throws IOException {
        Path container = dir.resolve(name);
        CliRun r = run("encode", write(name + ".txt", "hello world\nhello world\n").toString(), "-o",
                container.toString(), "--pool", "heap");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        Files.delete(dir.resolve(name + ".txt"));
        return container;
    }

    // Item 3: an output that names the input.

    @Test
    void decodeRefusesToWriteOverItsInput() throws IOException {
        Path container = encoded("x.sigma");
        byte[] before = Files.readAllBytes(container);
        CliRun r = run("decode", container.toString(), "-o", container.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertOneLine(r);
        assertEquals("sigmalang decode: output " + container + " is the input " + container
                + ": it would be overwritten before it is read (choose another output)", r.err().strip());
        assertArrayEquals(before, Files.readAllBytes(container));
    }

    @Test
    void parseAndEncodeRefuseToWriteOverTheirInputEvenThroughAnotherName() throws IOException {
        Path text = write("t.txt", "hello world\n");
        CliRun parse = run("parse", text.toString(), "-o", dir.resolve("sub/../t.txt").toString());
        assertEquals(ExitCodes.USAGE, parse.exitCode(), parse.toString());
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), text);
        CliRun encode = run("encode", text.toString(), "-o", link.toString(), "--pool", "heap");
        assertEquals(ExitCodes.USAGE, encode.exitCode(), encode.toString());
        assertOneLine(encode);
        CliRun stats = run("encode", text.toString(), "-o", dir.resolve("t.sigma").toString(), "--stats-json",
                text.toString(), "--pool", "heap");
        assertEquals(ExitCodes.USAGE, stats.exitCode(), stats.toString());
        assertTrue(stats.err().startsWith("sigmalang encode: --stats-json " + text + " is the input "), stats.err());
        assertEquals("hello world\n", Files.readString(text));
        assertOnly(dir, "t.txt", "link.txt");
    }

    // Item 4: special files are not replaced.

    @Test
    void aFifoOrADirectoryAsOutputIsRefusedAndLeftAsItWas() throws Exception {
        Path text = write("t.txt", "hello world\n");
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun r = run("encode", text.toString(), "-o", fifo.toString(), "--pool", "heap");
        assertEquals(ExitCodes.IO, r.exitCode(), r.toString());
        assertOneLine(r);
        assertTrue(r.err().startsWith("sigmalang encode: cannot write " + fifo + ": it exists and is not a regular"
                + " file"), r.err());
        assertTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "still a FIFO");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        CliRun d = run("parse", text.toString(), "-o", sub.toString());
        assertEquals(ExitCodes.IO, d.exitCode(), d.toString());
        assertTrue(d.err().contains("it exists and is a directory"), d.err());
        assertOnly(dir, "t.txt", "pipe", "sub");
    }

    @Test
    void aSymbolicLinkAsOutputStaysALinkAndTheFileItNamesIsReplaced() throws IOException {
        Path text = write("t.txt", "define a stack\n");
        Path real = write("real.jsonl", "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), real.getFileName());
        CliRun r = run("parse", text.toString(), "-o", link.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("{\"primitive\":102,\"children\":[{\"primitive\":116,\"value\":\"stack\"}]}\n", Files.readString(real));
        assertOnly(dir, "t.txt", "real.jsonl", "link.jsonl");
    }

    // Item 6: outputs of one input are committed together.

    @Test
    void aStatsFileThatCannotBeWrittenLeavesTheContainerAsItWas() throws IOException {
        Path container = encoded("p.sigma");
        byte[] before = Files.readAllBytes(container);
        Path text = write("other.txt", "What is a binary tree?\n");
        CliRun r = run("encode", text.toString(), "-o", container.toString(), "--stats-json",
                dir.resolve("nodir/s.json").toString(), "--pool", "heap");
        assertEquals(ExitCodes.IO, r.exitCode(), r.toString());
        assertOneLine(r);
        assertTrue(r.err().contains("nodir"), r.err());
        assertArrayEquals(before, Files.readAllBytes(container), "the container was not replaced");
        assertOnly(dir, "p.sigma", "other.txt");
    }

    @Test
    void containerAndStatsAppearTogether() throws IOException {
        Path text = write("t.txt", "hello world\nhello world\n");
        CliRun r = run("encode", text.toString(), "-o", dir.resolve("t.sigma").toString(), "--stats-json",
                dir.resolve("s.json").toString(), "--pool", "heap");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(Files.readString(dir.resolve("s.json")).contains("\"messages\" : 2,"),
                Files.readString(dir.resolve("s.json")));
        assertOnly(dir, "t.txt", "t.sigma", "s.json");
    }

    // Item 10: names, collisions, permissions.

    @Test
    void twoInputsWithOneOutputNameAreRefusedBeforeAnythingIsWritten() throws IOException {
        Files.createDirectories(dir.resolve("x"));
        Files.createDirectories(dir.resolve("y"));
        String tree = "{\"primitive\": 80, \"children\": [{\"primitive\": 16, \"value\": \"f\"}]}";
        Path first = Files.writeString(dir.resolve("x/t.json"), tree);
        Path second = Files.writeString(dir.resolve("y/t.json"), tree);
        Path out = dir.resolve("o");
        CliRun r = run("tree-encode", first.toString(), second.toString(), "--out-dir", out.toString(), "--pool",
                "heap");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertOneLine(r);
        assertEquals("sigmalang tree-encode: inputs " + first + " and " + second + " would both be written to "
                + out.resolve("t.sigma") + " (give files with different names, or run once per name)", r.err().strip());
        assertFalse(Files.exists(out), "nothing written, not even the directory");
    }

    @Test
    void treeDecodeRefusesAnOutputThatIsAnInput() throws IOException {
        Path input = Files.write(dir.resolve("t.json"), java.util.HexFormat.of().parseHex("40000003df503001660b341a"));
        CliRun r = run("tree-decode", input.toString(), "--out-dir", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertArrayEquals(java.util.HexFormat.of().parseHex("40000003df503001660b341a"), Files.readAllBytes(input));
    }

    @Test
    void anOutputNameOf250CharactersGetsATemporaryNameThatFits() throws IOException {
        Path text = write("t.txt", "hello world\n");
        String name = "n".repeat(250);
        CliRun r = run("encode", text.toString(), "-o", dir.resolve(name).toString(), "--pool", "heap");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertOnly(dir, "t.txt", name);
        String multiByte = "é".repeat(127); // 254 bytes of UTF-8
        CliRun u = run("parse", text.toString(), "-o", dir.resolve(multiByte).toString());
        assertEquals(ExitCodes.OK, u.exitCode(), u.toString());
    }

    @Test
    void temporaryNamesStayWithin255Bytes() {
        assertEquals(".a.xyz.tmp", StagedOutput.temporaryName("a", "xyz"));
        // 255 - 19 = 236 bytes are left for the name: 118 two-byte characters, never half of one.
        String cut = StagedOutput.temporaryName("é".repeat(127), "1234567890123");
        assertEquals("." + "é".repeat(118) + ".1234567890123.tmp", cut);
        assertEquals(255, cut.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path text = write("t.txt", "hello world\n");
        Path out = write("private.sigma", "old\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
        CliRun r = run("encode", text.toString(), "-o", out.toString(), "--pool", "heap");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals("SGLC", new String(Files.readAllBytes(out), 0, 4, java.nio.charset.StandardCharsets.US_ASCII),
                "the new container replaced the old text");
        Path json = write("private.jsonl", "old\n");
        Files.setPosixFilePermissions(json, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(ExitCodes.OK, run("parse", text.toString(), "-o", json.toString()).exitCode());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
    }

    // Item 9 (the CLI's part): names and prefixes.

    @Test
    void decodingADirectoryNamesItAndCreatesNoOutput() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("somedir"));
        CliRun r = run("decode", sub.toString(), "-o", dir.resolve("out.jsonl").toString());
        assertEquals(ExitCodes.IO, r.exitCode(), r.toString());
        assertEquals("sigmalang decode: cannot read " + sub + ": it is a directory", r.err().strip());
        assertOnly(dir, "somedir");
    }

    @Test
    void aFileNameWithALineBreakIsEscapedOnOneLine() {
        Path missing = dir.resolve("a\nb.txt");
        CliRun r = run("encode", missing.toString(), "--pool", "heap");
        assertEquals(ExitCodes.IO, r.exitCode(), r.toString());
        assertOneLine(r);
        assertEquals("sigmalang encode: cannot read " + dir + "/a\\nb.txt: no such file", r.err().strip());
    }

    @Test
    void batchErrorsCarryTheCommandPrefix() throws IOException {
        Path bad = Files.write(dir.resolve("bad.sigma"), java.util.HexFormat.of().parseHex("40000003df503001660b341b"));
        CliRun r = run("tree-decode", bad.toString(), "--out-dir", dir.resolve("o").toString());
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("sigmalang tree-decode: " + bad + ": CRC mismatch"), r.err());
        Path badJson = write("bad.json", "{\"primitive\": 80, \"children\": []}");
        CliRun e = run("tree-encode", badJson.toString(), "--out-dir", dir.resolve("o").toString(), "--pool", "heap");
        assertTrue(e.err().startsWith("sigmalang tree-encode: " + badJson + ": tree JSON line 1"), e.err());
    }

    // Item 5: a device that never ends.

    @Test
    void treeDecodeOfAnEndlessDeviceStopsAtTheLargestStream() {
        CliRun r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run("tree-decode", "/dev/zero", "--out-dir", dir.resolve("o").toString()));
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertOneLine(r);
        assertEquals("sigmalang tree-decode: /dev/zero: more than 134197251 bytes (it goes on) is larger than any"
                + " ΣLANG stream (134197251 bytes) at byte offset 0", r.err().strip());
    }

    // Item 2 through the CLI: the limit, its value and the key.

    @Test
    void aDecompressionBombIsRefusedNamingTheMessageTheLimitAndTheKey() throws IOException {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.writeBytes(java.util.HexFormat.of().parseHex("53474c430103040000000400")); // defaults: bank+delta, 4, 1024
        byte[][] messages = {CraftedStreams.bigLeafMessage(), CraftedStreams.leafCopiesDelta(1, 1),
                CraftedStreams.leafCopiesDelta(2, 2, 0x51)};
        for (byte[] m : messages) {
            c.writeBytes(new byte[] {(byte) (m.length >>> 24), (byte) (m.length >>> 16), (byte) (m.length >>> 8),
                    (byte) m.length});
            c.writeBytes(m);
        }
        Path bomb = Files.write(dir.resolve("bomb.sigma"), c.toByteArray());
        long third = 12 + 4 + messages[0].length + 4 + messages[1].length + 4;
        CliRun r = run("decode", bomb.toString(), "-o", dir.resolve("out.jsonl").toString());
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        // The hand-made container is version 1, which decode notes on its own line first; the error is one line.
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.toString());
        assertTrue(lines.get(0).contains("is a version 1 container"), r.toString());
        String error = lines.get(1);
        assertTrue(error.startsWith("sigmalang decode: " + bomb + ": message 3 at container byte " + third
                + ": keeping its tree (134094843 full-form bytes) would make the Σ-bank and context hold "), error);
        assertTrue(error.strip().endsWith("more than the limit of 402653184 (limit decoder.max-held-bytes = 384MiB,"
                + " from built-in defaults; raise it with --set decoder.max-held-bytes=...)"), error);
        assertOnly(dir, "bomb.sigma");
        CliRun raised = run("decode", bomb.toString(), "-o", dir.resolve("out.jsonl").toString(), "--set",
                "decoder.max-held-bytes=1GiB");
        assertEquals(ExitCodes.OK, raised.exitCode(), raised.toString());
        Files.delete(dir.resolve("out.jsonl"));
        CliRun header = run("decode", bomb.toString(), "--set", "decoder.max-bank-capacity=1000");
        assertEquals(ExitCodes.DATA, header.exitCode(), header.toString());
        assertEquals("sigmalang decode: " + bomb + ": container header: the settings ask for a Σ-bank of 1024 trees,"
                + " more than the limit of 1000 (limit decoder.max-bank-capacity = 1000, from command-line option"
                + " --set; raise it with --set decoder.max-bank-capacity=...)", header.err().lines()
                .filter(l -> !l.contains("is a version 1 container")).findFirst().orElse("").strip());
    }

    // The Error mapping.

    @Test
    void outOfMemoryIsOneLineWithItsOwnExitCode() throws IOException {
        Path text = write("t.txt", "hello world\n");
        CliRun r = runWithHungryPool("encode", text.toString(), "-o", dir.resolve("t.sigma").toString(), "--pool",
                "hungry");
        assertEquals(ExitCodes.OUT_OF_MEMORY, r.exitCode(), r.toString());
        assertOneLine(r);
        assertTrue(r.err().startsWith("sigmalang encode: out of memory (Java heap space, Java heap of "), r.err());
        assertOnly(dir, "t.txt");
        assertTrue(TemporaryFiles.live().isEmpty(), "no temporary file is left registered");
    }

    /** A run with one more strategy, {@code hungry}: every acquire finds the heap full, as a too large input would. */
    private static CliRun runWithHungryPool(String... args) {
        List<Module> modules = new ArrayList<>(TestStrategies.withShipped());
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                PoolStrategies.of(binder()).addBinding("hungry").toProvider(HungryPool::new);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]), out, new PrintWriter(err, true), false,
                Map.of(), new Properties());
        int code = SigmalangCli.create(terminal, modules).execute(args);
        return new CliRun(code, out.toByteArray(), err.toString());
    }

    private static final class HungryPool implements BufferPool {
        private final HeapTestPool delegate = new HeapTestPool(4096);

        @Override
        public BufferLease acquire() {
            throw new OutOfMemoryError("Java heap space");
        }

        @Override
        public int bufferSize() {
            return delegate.bufferSize();
        }

        @Override
        public PoolStats stats() {
            return delegate.stats();
        }

        @Override
        public String name() {
            return "hungry";
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
