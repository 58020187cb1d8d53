package io.sigmalang.launcher.cli;

import static io.sigmalang.launcher.testing.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.adapters.container.ContainerIndex;
import io.sigmalang.adapters.container.ContainerReader;
import io.sigmalang.launcher.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** encode-batch and decode --conversation through the CLI's own entry, on the shipped pools. */
class EncodeBatchEndToEndTest {
    private static final String[] LINES = {"Write a Python function to sort a list", "hello world", "hello world",
        "What is a binary tree?", "fix the bug in the checkout test", "thanks", "Write a Python function to sort a dict",
        "can you explain the error?", "merge the branch now"};

    @TempDir
    Path dir;

    /** Conversations c0..c{n-1}, each a random walk over LINES, in order. */
    private static Map<String, List<String>> conversations(int n, int length, long seed) {
        Random r = new Random(seed);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            List<String> texts = new ArrayList<>();
            for (int m = 0; m < length; m++) {
                texts.add(LINES[r.nextInt(LINES.length)]);
            }
            out.put("c" + c, texts);
        }
        return out;
    }

    /** JSON Lines of a random interleaving that keeps each conversation's order. */
    private static String jsonLines(Map<String, List<String>> conversations, long seed) {
        Random r = new Random(seed);
        List<String> ids = new ArrayList<>(conversations.keySet());
        Map<String, Integer> next = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder();
        while (!ids.isEmpty()) {
            String id = ids.get(r.nextInt(ids.size()));
            int i = next.merge(id, 1, Integer::sum) - 1;
            sb.append("{\"conversation\": \"").append(id).append("\", \"text\": \"")
                    .append(conversations.get(id).get(i)).append("\"}\n");
            if (i + 1 == conversations.get(id).size()) {
                ids.remove(id);
            }
        }
        return sb.toString();
    }

    /** Every stream of every conversation, by id, read through the container's index. */
    private static Map<String, List<byte[]>> streams(Path container) throws IOException {
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        try (SeekableByteChannel channel = Files.newByteChannel(container)) {
            ContainerIndex index = ContainerIndex.read(channel);
            for (ContainerIndex.Entry e : index.conversations()) {
                List<byte[]> list = new ArrayList<>();
                for (ContainerIndex.Located s : index.streams(e)) {
                    list.add(index.read(s));
                }
                out.put(e.id(), list);
            }
        }
        return out;
    }

    /** The streams `encode` writes for one conversation on its own. */
    private List<byte[]> alone(String id, List<String> texts) throws IOException {
        Path text = Files.write(dir.resolve(id + ".txt"), texts);
        Path container = dir.resolve(id + ".sigma");
        assertEquals(ExitCodes.OK, run("encode", text.toString(), "-o", container.toString()).exitCode());
        ContainerReader reader = new ContainerReader(new ByteArrayInputStream(Files.readAllBytes(container)));
        List<byte[]> out = new ArrayList<>();
        for (byte[] s = reader.next(); s != null; s = reader.next()) {
            out.add(s);
        }
        return out;
    }

    @Test
    void everyConversationIsTheSameStreamsAsEncodingItAloneWhateverThreadsAndPoolAndNoLeaseIsLeft()
            throws IOException {
        Map<String, List<String>> conversations = conversations(12, 15, 1);
        Map<String, List<byte[]>> expected = new LinkedHashMap<>();
        for (var e : conversations.entrySet()) {
            expected.put(e.getKey(), alone(e.getKey(), e.getValue()));
        }
        int run = 0;
        for (String pool : List.of("fixed", "adaptive", "offheap")) {
            for (String threads : List.of("1", "2", "8")) {
                Path input = Files.writeString(dir.resolve("in" + run + ".jsonl"), jsonLines(conversations, run));
                Path out = dir.resolve("out" + run + ".sigma");
                // Strict leak detection: closing the pool at the end fails the run if any lease is still out.
                CliRun r = run("encode-batch", input.toString(), "-o", out.toString(), "--threads", threads,
                        "--pool", pool, "--set", "pool.leak-detection=strict");
                assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
                assertTrue(r.err().startsWith("encoded 12 conversations (0 failed), 180 messages"), r.err());
                Map<String, List<byte[]>> got = streams(out);
                assertEquals(expected.keySet(), got.keySet());
                for (String id : expected.keySet()) {
                    for (int k = 0; k < 15; k++) {
                        assertArrayEquals(expected.get(id).get(k), got.get(id).get(k),
                                id + " message " + (k + 1) + ", pool " + pool + ", threads " + threads);
                    }
                }
                run++;
            }
        }
    }

    @Test
    void decodeOneConversationGivesItsTreesAndAWholeDecodeLabelsEveryTree() throws IOException {
        Map<String, List<String>> conversations = conversations(3, 4, 2);
        Path input = Files.writeString(dir.resolve("in.jsonl"), jsonLines(conversations, 2));
        Path out = dir.resolve("out.sigma");
        assertEquals(ExitCodes.OK, run("encode-batch", input.toString(), "-o", out.toString()).exitCode());
        CliRun parsed = run("parse", Files.write(dir.resolve("c1.txt"), conversations.get("c1")).toString());
        CliRun one = run("decode", out.toString(), "--conversation", "c1");
        assertEquals(ExitCodes.OK, one.exitCode(), one.toString());
        assertEquals(parsed.outLines(), one.outLines());

        CliRun all = run("decode", out.toString());
        assertEquals(ExitCodes.OK, all.exitCode(), all.toString());
        assertEquals(12, all.outLines().size());
        long c1 = all.outLines().stream().filter(l -> l.startsWith("{\"conversation\":\"c1\",\"message\":")).count();
        assertEquals(4, c1);

        CliRun missing = run("decode", out.toString(), "--conversation", "nobody");
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertEquals(1, missing.errLines().size());
        assertTrue(missing.err().contains("no conversation \"nobody\" (3 conversations: "), missing.err());

        CliRun stdin = run(Files.readAllBytes(out), Map.of(), "decode", "-", "--conversation", "c1");
        assertEquals(ExitCodes.USAGE, stdin.exitCode());
    }

    @Test
    void aFailingConversationIsListedTheOthersFinishAndTheExitIs65() throws IOException {
        // One 64-byte buffer and a bound of 64 bytes that fails fast: a stream longer than a buffer fails.
        Path conf = Files.writeString(dir.resolve("tight.conf"), "pool.capacity = 1\npool.buffer-size = 64\n"
                + "pool.bound.max-bytes = 64\npool.bound.policy = fail-fast\n");
        String jsonl = "{\"conversation\": \"a\", \"text\": \"hello world\"}\n"
                + "{\"conversation\": \"b\", \"text\": \"thanks\"}\n"
                + "{\"conversation\": \"b\", \"text\": \"" + "x".repeat(90) + "\"}\n"
                + "{\"conversation\": \"a\", \"text\": \"thanks\"}\n"
                + "{\"conversation\": \"b\", \"text\": \"thanks\"}\n";
        Path input = Files.writeString(dir.resolve("in.jsonl"), jsonl);
        Path out = dir.resolve("out.sigma");
        Path stats = dir.resolve("stats.json");
        // One worker: with two, a's short message could meet b's long one at the bound and fail too.
        CliRun r = run("encode-batch", input.toString(), "-o", out.toString(), "--pool", "fixed", "--config",
                conf.toString(), "--stats-json", stats.toString(), "--threads", "1");
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertTrue(r.err().contains("(1 failed)"), r.err());
        assertTrue(r.err().contains("  failed: conversation \"b\" message 2: pool 'fixed' is at its bound"), r.err());
        assertFalse(r.err().contains("\tat "));
        assertTrue(Files.exists(out), "the container is whole: failures are recorded in it");
        assertEquals(2, run("decode", out.toString(), "--conversation", "a").outLines().size());
        CliRun b = run("decode", out.toString(), "--conversation", "b");
        assertEquals(1, b.outLines().size(), "what was written before the failure stays");
        String json = Files.readString(stats, StandardCharsets.UTF_8);
        for (String field : List.of("\"peakOutstanding\"", "\"overflowRate\"", "\"resizes\"", "\"retainedBytes\"",
                "\"peakRetainedBytes\"", "\"cause\" : \"pool_exhausted\"")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
    }

    @Test
    void aDirectoryIsOneConversationPerTextFile() throws IOException {
        Path in = Files.createDirectory(dir.resolve("chats"));
        Files.writeString(in.resolve("alice.txt"), "hello world\nthanks\n");
        Files.writeString(in.resolve("bob.txt"), "What is a binary tree?\n");
        Files.writeString(in.resolve("notes.md"), "not a conversation\n");
        Path out = dir.resolve("out.sigma");
        CliRun r = run("encode-batch", in.toString(), "-o", out.toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals(List.of("alice", "bob"), List.copyOf(streams(out).keySet()));
        assertEquals(2, streams(out).get("alice").size());
    }

    @Test
    void aLineThatIsNoMessageFailsTheRunAndLeavesNoFile() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"conversation\": \"a\", \"text\": \"hi\"}\n"
                + "{\"conversation\": 7, \"text\": \"hi\"}\n");
        Path out = dir.resolve("out.sigma");
        CliRun r = run("encode-batch", input.toString(), "-o", out.toString());
        assertEquals(ExitCodes.DATA, r.exitCode());
        assertEquals(List.of("sigmalang encode-batch: " + input + " line 2: \"conversation\" is not a string"
                + " (expected {\"conversation\": \"ID\", \"text\": \"MESSAGE\"})"), r.errLines());
        assertFalse(Files.exists(out));
    }

    @Test
    void aVersion1ContainerStillDecodesWithOneNoteThatACutCannotBeSeen() throws IOException {
        // Version 1: header (bank+delta, depth 4, capacity 1024), then one 12-byte record: the conformance
        // README's worked example, a composite 80 holding a leaf 16 "f".
        Path v1 = Files.write(dir.resolve("old.sigma"), java.util.HexFormat.of().parseHex(
                "53474c43" + "01" + "03" + "04" + "00" + "00000400" + "0000000c" + "40000003df503001660b341a"));
        CliRun r = run("decode", v1.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals(List.of("{\"primitive\":80,\"children\":[{\"primitive\":16,\"value\":\"f\"}]}"), r.outLines());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("version 1 container: a file cut at a record boundary cannot be told from a whole"
                + " one"), r.err());
    }
}
