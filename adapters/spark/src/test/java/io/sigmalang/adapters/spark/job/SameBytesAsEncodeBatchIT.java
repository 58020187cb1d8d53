package io.sigmalang.adapters.spark.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sigmalang.adapters.container.ContainerReader;
import io.sigmalang.adapters.container.ContainerRecord;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.adapters.spark.SigmaSpark;
import io.sigmalang.adapters.spark.testsupport.Conversations;
import io.sigmalang.adapters.spark.testsupport.Conversations.Message;
import io.sigmalang.adapters.spark.testsupport.LocalSpark;
import io.sigmalang.domain.parser.TextParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job writes, byte for byte, the streams the CLI's {@code encode-batch} writes for the same
 * conversations: 1,200 conversations, over 20,000 messages, given to encode-batch as an interleaved log (each
 * conversation in order) and to Spark as Parquet in a shuffled order over several partitions. Then the Spark
 * decode job gives back the parser's trees.
 */
class SameBytesAsEncodeBatchIT {
    private static final TextParser PARSER = new RuleBasedTextParser();

    @TempDir
    Path dir;

    @Test
    void sparkAndEncodeBatchWriteTheSameStreamsAndDecodeGivesBackTheParsersTrees() throws Exception {
        List<Message> messages = Conversations.generate(42, 1200, 6, 30);
        assertTrue(messages.size() >= 20_000, "at least 20,000 messages: " + messages.size());

        Path log = dir.resolve("log.jsonl");
        writeJsonLines(interleaved(messages, new Random(1)), log);
        Path container = dir.resolve("batch.sigma");
        Process cli = new ProcessBuilder(javaBin(), "-jar", System.getProperty("sigmalang.jar"), "encode-batch",
                log.toString(), "-o", container.toString(), "--threads", "2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();

        SparkSession spark = LocalSpark.session();
        List<Message> shuffled = new ArrayList<>(messages);
        Collections.shuffle(shuffled, new Random(2));
        List<Row> rows = new ArrayList<>();
        shuffled.forEach(m -> rows.add(RowFactory.create(m.conversation(), m.seq(), m.text())));
        Path input = dir.resolve("messages.parquet");
        spark.createDataFrame(rows, SigmaSpark.MESSAGES).repartition(5).write().parquet(input.toString());
        Path encoded = dir.resolve("encoded");
        assertEquals(0, job("encode", input.toString(), encoded.toString(), "--partitions", "7"));

        assertTrue(cli.waitFor(5, TimeUnit.MINUTES), "encode-batch finished");
        assertEquals(0, cli.exitValue(), Files.readString(dir.resolve("cli.log")));
        Map<String, List<byte[]>> expected = readContainer(container);
        assertEquals(1200, expected.size());

        Map<String, List<Row>> byConversation = new HashMap<>();
        List<Row> written = spark.read().parquet(encoded.resolve("outcome=encoded").toString()).collectAsList();
        assertEquals(messages.size(), written.size());
        assertTrue(Files.notExists(encoded.resolve("outcome=rejected")));
        try (Stream<Path> files = Files.list(encoded.resolve("outcome=encoded"))) {
            assertTrue(files.filter(f -> f.getFileName().toString().startsWith("part-")).count() >= 5,
                    "several partitions were encoded, each writing its own file");
        }
        for (Row row : written) {
            byConversation.computeIfAbsent(row.getAs("conversation"), k -> new ArrayList<>()).add(row);
        }
        long compared = 0;
        for (Map.Entry<String, List<byte[]>> e : expected.entrySet()) {
            List<Row> ours = byConversation.get(e.getKey());
            ours.sort(Comparator.comparingLong(r -> r.getAs("seq")));
            assertEquals(e.getValue().size(), ours.size(), e.getKey());
            for (int i = 0; i < ours.size(); i++) {
                assertArrayEquals(e.getValue().get(i), ours.get(i).getAs("stream"), e.getKey() + " message " + (i + 1));
                compared++;
            }
        }
        assertEquals(messages.size(), compared);

        Path trees = dir.resolve("trees");
        assertEquals(0, job("decode", encoded.toString(), trees.toString()));
        Map<String, String> textOf = new HashMap<>();
        messages.forEach(m -> textOf.put(m.conversation() + "#" + m.seq(), m.text()));
        TreeJson json = new TreeJson();
        List<Row> decoded = spark.read().parquet(trees.resolve("outcome=decoded").toString()).collectAsList();
        assertEquals(messages.size(), decoded.size());
        for (Row row : decoded) {
            String text = textOf.get(row.getAs("conversation") + "#" + row.getAs("seq"));
            assertEquals(json.write(PARSER.parse(text).root()), row.getAs("tree"));
        }
    }

    private static int job(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SigmaSparkJob(new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        System.out.print(err.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Each conversation's messages in seq order, conversations interleaved at random, as a log is. */
    private static List<Message> interleaved(List<Message> messages, Random random) {
        Map<String, Deque<Message>> queues = new LinkedHashMap<>();
        messages.forEach(m -> queues.computeIfAbsent(m.conversation(), k -> new ArrayDeque<>()).add(m));
        List<Deque<Message>> open = new ArrayList<>(queues.values());
        List<Message> log = new ArrayList<>();
        while (!open.isEmpty()) {
            int pick = random.nextInt(Math.min(open.size(), 50));
            Deque<Message> q = open.get(pick);
            log.add(q.poll());
            if (q.isEmpty()) {
                open.remove(pick);
            }
        }
        return log;
    }

    private static void writeJsonLines(List<Message> messages, Path file) throws IOException {
        JsonFactory factory = new JsonFactory();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Message m : messages) {
                try (JsonGenerator g = factory.createGenerator(out)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    g.writeStartObject();
                    g.writeStringField("conversation", m.conversation());
                    g.writeNumberField("seq", m.seq());
                    g.writeStringField("text", m.text());
                    g.writeEndObject();
                }
                out.write('\n');
            }
        }
    }

    /** The container's streams by conversation id, in message order. */
    private static Map<String, List<byte[]>> readContainer(Path file) throws IOException {
        Map<Integer, String> ids = new HashMap<>();
        Map<String, List<byte[]>> streams = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ContainerReader reader = new ContainerReader(in);
            for (ContainerRecord r = reader.nextRecord(); r != null; r = reader.nextRecord()) {
                switch (r) {
                    case ContainerRecord.Opened o -> {
                        ids.put(o.conversation(), o.id());
                        streams.put(o.id(), new ArrayList<>());
                    }
                    case ContainerRecord.Stream s -> streams.get(ids.get(s.conversation())).add(s.stream());
                    case ContainerRecord.Ended e -> assertTrue(e.failure().isEmpty(), e.toString());
                }
            }
        }
        return streams;
    }
}
