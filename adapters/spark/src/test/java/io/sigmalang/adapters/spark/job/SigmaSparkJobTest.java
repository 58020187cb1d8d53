package io.sigmalang.adapters.spark.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.adapters.spark.testsupport.Conversations;
import io.sigmalang.adapters.spark.testsupport.Conversations.Message;
import io.sigmalang.adapters.spark.testsupport.LocalSpark;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encode and decode jobs as a user runs them (in process, on the tests' local session). */
class SigmaSparkJobTest {
    private static final TextParser PARSER = new RuleBasedTextParser();
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    private record Run(int exitCode, String err) {
        List<String> lines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SigmaSparkJob(new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    private Path jsonLines(List<Message> messages, String... extraLines) throws IOException {
        StringWriter out = new StringWriter();
        JsonFactory factory = new JsonFactory();
        for (Message m : messages) {
            try (JsonGenerator g = factory.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("conversation", m.conversation());
                g.writeNumberField("seq", m.seq());
                g.writeStringField("text", m.text());
                g.writeEndObject();
            }
            out.write('\n');
        }
        for (String line : extraLines) {
            out.write(line + "\n");
        }
        Path file = dir.resolve("messages.jsonl");
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static Map<String, byte[]> lonely(List<Message> messages) {
        Map<String, List<Message>> byConversation = new HashMap<>();
        messages.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq()))
                .forEach(m -> byConversation.computeIfAbsent(m.conversation(), k -> new ArrayList<>()).add(m));
        Map<String, byte[]> streams = new HashMap<>();
        try (BufferPool pool = PoolCatalog.installed().create("adaptive", Map.of())) {
            for (List<Message> conversation : byConversation.values()) {
                try (SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.defaults())) {
                    for (Message m : conversation) {
                        streams.put(m.conversation() + "#" + m.seq(), encoder.encode(PARSER.parse(m.text())));
                    }
                }
            }
        }
        return streams;
    }

    @Test
    void encodeThenDecodeJsonLinesThroughParquet() throws IOException {
        List<Message> messages = new ArrayList<>(Conversations.generate(9, 25, 1, 15));
        Collections.shuffle(messages, new Random(1));
        Path input = jsonLines(messages, "{\"conversation\": \"z\", \"seq\": \"one\", \"text\": \"hi\"}", "not json");
        Path encoded = dir.resolve("encoded");
        Path stats = dir.resolve("stats.json");

        Run encode = run("encode", input.toString(), encoded.toString(), "--stats-json", stats.toString());

        assertEquals(0, encode.exitCode(), encode.err());
        assertTrue(encode.err().contains("encoded " + String.format("%,d", messages.size()) + " messages of 25"
                + " conversations"), encode.err());
        assertTrue(encode.err().contains("rejected rows: 2 (with their reasons in " + encoded + "/outcome=rejected)"),
                encode.err());
        Map<String, byte[]> expected = lonely(messages);
        List<Row> streams = spark.read().parquet(encoded.resolve("outcome=encoded").toString()).collectAsList();
        assertEquals(messages.size(), streams.size());
        for (Row row : streams) {
            assertArrayEquals(expected.get(row.getAs("conversation") + "#" + row.getAs("seq")), row.getAs("stream"));
        }
        List<Row> rejected = spark.read().parquet(encoded.resolve("outcome=rejected").toString()).collectAsList();
        assertEquals(2, rejected.size());
        for (Row row : rejected) {
            String reason = row.getAs("reason");
            assertTrue(reason.startsWith("the input record could not be read as conversation (string), seq (whole"
                    + " number), text (string): "), reason);
        }
        assertEquals(messages.size(), messagesIn(stats));

        Path trees = dir.resolve("trees");
        Run decode = run("decode", encoded.toString(), trees.toString());

        assertEquals(0, decode.exitCode(), decode.err());
        TreeJson json = new TreeJson();
        Map<String, String> textOf = new HashMap<>();
        messages.forEach(m -> textOf.put(m.conversation() + "#" + m.seq(), m.text()));
        List<Row> decoded = spark.read().parquet(trees.resolve("outcome=decoded").toString()).collectAsList();
        assertEquals(messages.size(), decoded.size());
        for (Row row : decoded) {
            String text = textOf.get(row.getAs("conversation") + "#" + row.getAs("seq"));
            assertEquals(json.write(PARSER.parse(text).root()), row.getAs("tree"));
        }
        assertTrue(Files.notExists(trees.resolve("outcome=rejected")));
    }

    private static long messagesIn(Path statsJson) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(statsJson.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("messages")) {
                    p.nextToken();
                    return p.getLongValue();
                }
            }
        }
        throw new AssertionError("no messages field in " + statsJson);
    }

    @Test
    void aBadConfigurationIsOneLineAndExit2BeforeSparkRuns() {
        Run run = run("encode", "nowhere.jsonl", dir.resolve("out").toString(), "--set", "pool.capacity=0");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("sigmalang-spark encode: invalid configuration: pool.capacity = \"0\" (from command-line"
                + " option --set): expected an integer 1..65536"), run.lines());

        Run unknown = run("encode", "nowhere.jsonl", dir.resolve("out").toString(), "--set", "pool.colour=red");
        assertEquals(2, unknown.exitCode());
        assertEquals(1, unknown.lines().size(), unknown.err());
        assertTrue(unknown.err().startsWith("sigmalang-spark encode: invalid configuration: unknown key pool.colour"
                + " (from command-line option --set): known keys are pool.strategy, "), unknown.err());
    }

    @Test
    void aMissingInputOrAnExistingOutputIsOneLineAndExit74() throws IOException {
        Run missing = run("encode", dir.resolve("absent.jsonl").toString(), dir.resolve("out").toString());
        assertEquals(74, missing.exitCode(), missing.err());
        assertEquals(List.of("sigmalang-spark encode: cannot read " + dir.resolve("absent.jsonl")
                + ": no such file or directory"), missing.lines());

        Path input = jsonLines(List.of(new Message("a", 1, "hi there")));
        Files.createDirectories(dir.resolve("taken"));
        Run taken = run("encode", input.toString(), dir.resolve("taken").toString());
        assertEquals(74, taken.exitCode(), taken.err());
        assertEquals(List.of("sigmalang-spark encode: " + dir.resolve("taken") + " already exists (the job never"
                + " overwrites: remove it or choose another output)"), taken.lines());
    }

    @Test
    void parquetInputWithoutItsColumnsIsOneLineAndExit65() {
        Path input = dir.resolve("wrong.parquet");
        spark.createDataFrame(List.of(RowFactory.create("a", "hi")), new StructType()
                .add("conversation", DataTypes.StringType).add("message", DataTypes.StringType))
                .write().parquet(input.toString());
        Run run = run("encode", input.toString(), dir.resolve("out").toString());
        assertEquals(65, run.exitCode(), run.err());
        assertEquals("sigmalang-spark encode: the messages input has no column seq (expected conversation: string,"
                + " seq: a whole number (long), text: string; found conversation: string, message: string)",
                run.lines().getLast());
    }

    @Test
    void failFastStopsAtTheFirstRejectedRowWithOneLineAndExit65() throws IOException {
        Path input = jsonLines(List.of(new Message("a", 1, "hi there"), new Message("a", 2, "Define recursion"),
                new Message("a", 2, "Explain recursion"), new Message("b", 1, "Define recursion")));
        Run run = run("encode", input.toString(), dir.resolve("out").toString(), "--fail-fast");
        assertEquals(65, run.exitCode(), run.err());
        assertTrue(run.lines().getLast().startsWith("sigmalang-spark encode: conversation \"a\" seq 2: "), run.err());
    }
}
