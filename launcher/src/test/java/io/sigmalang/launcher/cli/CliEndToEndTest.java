package io.sigmalang.launcher.cli;

import static io.sigmalang.launcher.testing.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.adapters.container.ContainerReader;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.launcher.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command and every exit code, through the CLI's own entry (picocli execute), in process. */
class CliEndToEndTest {

    @TempDir
    Path dir;

    private static final String CONVERSATION = """
            Write a Python function to sort a list
            hello world
            hello world
            What is a binary tree?
            hello world
            """;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertOneLine(CliRun r) {
        assertEquals(1, r.errLines().size(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"encode", "encode-batch", "decode", "parse", "tree-encode", "tree-decode"})
    void everyCommandHasHelp(String command) {
        CliRun r = run(command, "--help");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.outText().startsWith("Usage: sigmalang " + command), r.outText());
    }

    @Test
    void topLevelHelpAndMissingCommand() {
        assertEquals(ExitCodes.OK, run("--help").exitCode());
        CliRun none = run();
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertOneLine(none);
        CliRun unknown = run("compress");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertOneLine(unknown);
    }

    @Test
    void encodeThenDecodeGivesTheParsedTreesBack() throws IOException {
        Path text = write("chat.txt", CONVERSATION);
        Path container = dir.resolve("chat.sigma");
        Path stats = dir.resolve("stats.json");
        CliRun encoded = run("encode", text.toString(), "-o", container.toString(), "--pool", "heap",
                "--stats-json", stats.toString());
        assertEquals(ExitCodes.OK, encoded.exitCode(), encoded.toString());
        // "hello world" three times: the first in full, the repeats as 12-byte Σ-bank references (a 22-byte full form).
        assertTrue(encoded.err().contains("paths: codebook 0, bank_reference 2, context_delta 0, full 3"), encoded.err());
        // 38 + 3 x 11 + 22 bytes of text, line ends not counted.
        assertTrue(encoded.err().startsWith("encoded 5 messages: 93 bytes of text in"), encoded.err());
        assertTrue(Files.readString(stats).contains("\"messages\" : 5"), Files.readString(stats));

        CliRun decoded = run("decode", container.toString());
        assertEquals(ExitCodes.OK, decoded.exitCode(), decoded.toString());
        RuleBasedTextParser parser = new RuleBasedTextParser();
        TreeJson json = new TreeJson();
        List<String> expected = CONVERSATION.lines().map(line -> json.write(parser.parse(line).root())).toList();
        assertEquals(expected, decoded.outLines());
    }

    @Test
    void encodeReadsStandardInputAndWritesStandardOutput() throws IOException {
        CliRun r = CliRun.run(CONVERSATION.getBytes(StandardCharsets.UTF_8), Map.of(), "encode", "--pool", "heap");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        ContainerReader reader = new ContainerReader(new ByteArrayInputStream(r.out()));
        int messages = 0;
        while (reader.next() != null) {
            messages++;
        }
        assertEquals(5, messages);
    }

    @Test
    void encodeRefusesTextThatIsNotUtf8NamingTheLine() throws IOException {
        Path text = dir.resolve("bad.txt");
        byte[] bytes = "fine\nalso fine\nbad \u00ff here\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(text, bytes);
        CliRun r = run("encode", text.toString(), "-o", dir.resolve("x.sigma").toString(), "--pool", "heap");
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertOneLine(r);
        assertEquals("sigmalang encode: " + text + " line 3: not valid UTF-8 text", r.err().strip());
    }

    /** Seven lines, the seventh not UTF-8 (a lone 0xFF byte). */
    private Path badOnLineSeven() throws IOException {
        Path text = dir.resolve("bad7.txt");
        byte[] bytes = (CONVERSATION + "fine\n\u00ff\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(text, bytes);
        return text;
    }

    private List<String> filesIn(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedEncodeLeavesNoOutputFile() throws IOException {
        Path text = badOnLineSeven();
        Path out = dir.resolve("out");
        Files.createDirectory(out);
        Path container = out.resolve("chat.sigma");
        CliRun r = run("encode", text.toString(), "-o", container.toString(), "--pool", "heap");
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertEquals("sigmalang encode: " + text + " line 7: not valid UTF-8 text", r.err().strip());
        assertEquals(List.of(), filesIn(out), "neither the container nor its temporary file");
    }

    @Test
    void aFailedEncodeLeavesThePreviousOutputAsItWas() throws IOException {
        Path container = dir.resolve("chat.sigma");
        assertEquals(ExitCodes.OK, run("encode", write("chat.txt", CONVERSATION).toString(), "-o",
                container.toString(), "--pool", "heap").exitCode());
        byte[] previous = Files.readAllBytes(container);
        CliRun r = run("encode", badOnLineSeven().toString(), "-o", container.toString(), "--pool", "heap");
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertArrayEquals(previous, Files.readAllBytes(container));
        assertEquals(List.of("bad7.txt", "chat.sigma", "chat.txt"), filesIn(dir));
    }

    @Test
    void aSuccessfulEncodeReplacesTheOutputAndLeavesNothingElse() throws IOException {
        Path container = dir.resolve("chat.sigma");
        Files.writeString(container, "an older file");
        CliRun r = run("encode", write("chat.txt", CONVERSATION).toString(), "-o", container.toString(), "--pool", "heap");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        ContainerReader reader = new ContainerReader(new ByteArrayInputStream(Files.readAllBytes(container)));
        int messages = 0;
        while (reader.next() != null) {
            messages++;
        }
        assertEquals(5, messages);
        assertEquals(List.of("chat.sigma", "chat.txt"), filesIn(dir));
    }

    @Test
    void encodeIntoAMissingDirectoryIsAnIoError() throws IOException {
        Path container = dir.resolve("no/such/dir/chat.sigma");
        CliRun r = run("encode", write("chat.txt", CONVERSATION).toString(), "-o", container.toString(), "--pool", "heap");
        assertEquals(ExitCodes.IO, r.exitCode(), r.toString());
        assertEquals("sigmalang encode: cannot write " + container + ": no such directory " + container.getParent(),
                r.err().strip());
    }

    @Test
    void wrongPoolIsAUsageErrorOnOneLineListingTheStrategies() throws IOException {
        CliRun r = run("encode", write("a.txt", "hi\n").toString(), "--pool", "offheep");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertOneLine(r);
        assertTrue(r.err().startsWith("sigmalang encode: invalid configuration: pool.strategy = \"offheep\" (from"
                + " command-line option --pool): expected one of "), r.err());
        assertTrue(r.err().contains("heap"), r.err());
    }

    @Test
    void badEnvironmentValueAndUnknownSetKeyAreUsageErrors() throws IOException {
        Path text = write("a.txt", "hi\n");
        CliRun env = CliRun.run(new byte[0], Map.of("SIGMALANG_POOL_CAPACITY", "lots"), "encode", text.toString(),
                "--pool", "heap");
        assertEquals(ExitCodes.USAGE, env.exitCode());
        assertOneLine(env);
        assertTrue(env.err().contains("pool.capacity = \"lots\" (from environment variable SIGMALANG_POOL_CAPACITY)"));
        CliRun set = run("encode", text.toString(), "--pool", "heap", "--set", "pool.colour=red");
        assertEquals(ExitCodes.USAGE, set.exitCode());
        assertOneLine(set);
        CliRun picky = run("encode", text.toString(), "--pool", "picky");
        assertEquals(ExitCodes.USAGE, picky.exitCode());
        assertEquals("sigmalang encode: invalid configuration for pool strategy picky: capacity 32 is not a power of 3",
                picky.err().strip());
    }

    @Test
    void missingInputAndUnwritableOutputAreIoErrors() throws IOException {
        CliRun missing = run("encode", dir.resolve("nope.txt").toString(), "--pool", "heap");
        assertEquals(ExitCodes.IO, missing.exitCode());
        assertEquals("sigmalang encode: cannot read " + dir.resolve("nope.txt") + ": no such file", missing.err().strip());
        CliRun unwritable = run("parse", write("a.txt", "hi\n").toString(), "-o",
                dir.resolve("no/such/dir/out.jsonl").toString());
        assertEquals(ExitCodes.IO, unwritable.exitCode());
        assertOneLine(unwritable);
    }

    @Test
    void aBugIsReportedOnOneLineAndItsStackTraceOnlyWithDebug() throws IOException {
        Path text = write("a.txt", "hi\n");
        CliRun bug = run("encode", text.toString(), "--pool", "broken");
        assertEquals(ExitCodes.SOFTWARE, bug.exitCode());
        assertOneLine(bug);
        assertTrue(bug.err().contains("simulated bug"), bug.err());
        CliRun debug = run("encode", text.toString(), "--pool", "broken", "--debug");
        assertEquals(ExitCodes.SOFTWARE, debug.exitCode());
        assertTrue(debug.err().contains("\tat "), debug.err());
    }

    @Test
    void decodeStopsAtACorruptMessageAfterWritingTheOnesBefore() throws IOException {
        Path container = dir.resolve("chat.sigma");
        assertEquals(ExitCodes.OK, run("encode", write("chat.txt", CONVERSATION).toString(), "-o",
                container.toString(), "--pool", "heap").exitCode());
        byte[] bytes = Files.readAllBytes(container);
        // Where message 2's stream lies, as the container reader finds it.
        ContainerReader reader = new ContainerReader(new ByteArrayInputStream(bytes));
        reader.next();
        byte[] second = reader.next();
        int secondStream = (int) reader.lastStreamOffset();
        bytes[secondStream + second.length - 1] ^= 0x01; // the stream CRC's last byte
        Files.write(container, bytes);

        CliRun r = run("decode", container.toString());
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertOneLine(r);
        assertEquals(1, r.outLines().size(), "message 1 was written before the error");
        assertTrue(r.err().startsWith("sigmalang decode: " + container + ": message 2 at container byte "), r.err());
    }

    @Test
    void decodeRefusesSomethingThatIsNoContainer() throws IOException {
        CliRun r = run("decode", write("chat.txt", CONVERSATION).toString());
        assertEquals(ExitCodes.DATA, r.exitCode());
        assertOneLine(r);
        assertTrue(r.err().contains("not a sigmalang container"), r.err());
    }

    @Test
    void parseWritesOneTreePerLine() throws IOException {
        CliRun r = run("parse", write("chat.txt", "define a stack\nPython vs Rust\n").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals(List.of("{\"primitive\":102,\"children\":[{\"primitive\":116,\"value\":\"stack\"}]}",
                "{\"primitive\":87,\"children\":[{\"primitive\":24,\"value\":\"python\",\"children\":[{\"primitive\":2,"
                        + "\"children\":[{\"primitive\":24,\"value\":\"rust\"}]}]}]}"), r.outLines());
    }

    @Test
    void treeDecodeSkipsMalformedFilesAndReportsEach() throws IOException {
        Path good = dir.resolve("good.sigma");
        Files.write(good, java.util.HexFormat.of().parseHex("40000003df503001660b341a"));
        Path bad = dir.resolve("bad.sigma");
        Files.write(bad, java.util.HexFormat.of().parseHex("40000003df503001660b341b"));
        Path out = dir.resolve("out");
        CliRun r = run("tree-decode", bad.toString(), good.toString(), "--out-dir", out.toString());
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertOneLine(r);
        assertTrue(r.err().startsWith("sigmalang tree-decode: " + bad + ": "), r.err());
        assertTrue(r.err().contains(" at byte offset "), r.err());
        assertFalse(Files.exists(out.resolve("bad.json")));
        assertEquals("{\"primitive\":80,\"children\":[{\"primitive\":16,\"value\":\"f\"}]}",
                Files.readString(out.resolve("good.json")).strip());
    }

    @Test
    void treeEncodeSkipsBadTreeJsonAndReportsIt() throws IOException {
        Path good = write("good.json", "{\"primitive\": 80, \"children\": [{\"primitive\": 16, \"value\": \"f\"}]}");
        Path bad = write("bad.json", "{\"primitive\": 80, \"children\": []}");
        Path out = dir.resolve("out");
        CliRun r = run("tree-encode", good.toString(), bad.toString(), "--out-dir", out.toString(), "--pool", "heap");
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertOneLine(r);
        assertTrue(r.err().startsWith("sigmalang tree-encode: " + bad + ": tree JSON line 1, column "), r.err());
        assertArrayEquals(java.util.HexFormat.of().parseHex("40000003df503001660b341a"),
                Files.readAllBytes(out.resolve("good.sigma")));
        assertFalse(Files.exists(out.resolve("bad.sigma")));
    }

    @Test
    void treeCommandsNeedTheirOutputDirectory() throws IOException {
        CliRun r = run("tree-decode", write("x.sigma", "").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertOneLine(r);
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
