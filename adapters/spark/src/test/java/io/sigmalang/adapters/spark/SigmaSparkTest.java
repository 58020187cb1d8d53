package io.sigmalang.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.adapters.spark.testsupport.Conversations;
import io.sigmalang.adapters.spark.testsupport.Conversations.Message;
import io.sigmalang.adapters.spark.testsupport.LocalSpark;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.format.TreeRejectedException;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library API on a local session. The expected streams come from an independent account: one lone
 * {@link SigmaEncoder} per conversation, fed its messages in seq order, outside Spark; the expected trees from the
 * parser alone.
 */
class SigmaSparkTest {
    private static final TextParser PARSER = new RuleBasedTextParser();
    /**
     * A text the {@link #REFUSING} parser turns into a tree the encoder refuses. (The rule-based parser makes no
     * such tree from text Spark can carry: an unpaired surrogate, which it would keep, is replaced with '?' by
     * Spark, whose strings are UTF-8, before any task sees it.)
     */
    private static final String REFUSED = "REFUSE me";

    /** The rule-based parser, except that {@link #REFUSED} becomes a valueless 0x0B leaf (an end marker's twin). */
    private static final PartitionEncoder.Parsers REFUSING = () -> text -> text.equals(REFUSED)
            ? SemanticTree.of(SemanticNode.of(0x01, SemanticNode.leaf(0x0B)))
            : new RuleBasedTextParser().parse(text);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    private static Dataset<Row> messages(List<Message> messages, int partitions) {
        List<Row> rows = new ArrayList<>();
        messages.forEach(m -> rows.add(RowFactory.create(m.conversation(), m.seq(), m.text())));
        return spark.createDataFrame(rows, SigmaSpark.MESSAGES).repartition(partitions);
    }

    /** Each conversation encoded alone, in seq order: (conversation, seq) → stream, or null once rejected. */
    private static Map<String, byte[]> lonely(List<Message> messages, EncoderSettings settings) {
        Map<String, List<Message>> byConversation = new LinkedHashMap<>();
        messages.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq()))
                .forEach(m -> byConversation.computeIfAbsent(m.conversation(), k -> new ArrayList<>()).add(m));
        Map<String, byte[]> streams = new HashMap<>();
        try (BufferPool pool = PoolCatalog.installed().create("fixed", Map.of())) {
            for (List<Message> conversation : byConversation.values()) {
                try (SigmaEncoder encoder = new SigmaEncoder(pool, settings)) {
                    for (Message m : conversation) {
                        streams.put(m.conversation() + "#" + m.seq(),
                                encoder.encode(REFUSING.parser().parse(m.text())));
                    }
                } catch (TreeRejectedException e) {
                    // The rest of this conversation has no stream.
                }
            }
        }
        return streams;
    }

    private static Map<String, Row> byKey(Dataset<Row> rows) {
        Map<String, Row> out = new HashMap<>();
        for (Row row : rows.collectAsList()) {
            Row twin = out.put(row.getString(0) + "#" + row.get(1), row);
            assertNull(twin, "one output row per input row: " + row);
        }
        return out;
    }

    @Test
    void encodesEachConversationInSeqOrderWhateverTheInputOrder() {
        List<Message> input = new ArrayList<>(Conversations.generate(1, 60, 1, 25));
        Collections.shuffle(input, new Random(7));
        Map<String, byte[]> expected = lonely(input, EncoderSettings.defaults());
        SigmaSparkConfig config = SigmaSparkConfig.defaults().with("pool.strategy", "fixed");
        EncodeStats stats = EncodeStats.register(spark, config);

        Map<String, Row> out = byKey(SigmaSpark.encode(messages(input, 5), config, stats));

        assertEquals(input.size(), out.size());
        Map<String, Long> paths = new HashMap<>();
        for (Message m : input) {
            Row row = out.get(m.conversation() + "#" + m.seq());
            assertNull(row.get(4), "no reason for " + m);
            assertArrayEquals(expected.get(m.conversation() + "#" + m.seq()), (byte[]) row.get(3), m.toString());
            paths.merge(row.getString(2), 1L, Long::sum);
        }
        assertEquals(input.size(), stats.encoderStats().messages());
        assertEquals(60, stats.conversations());
        assertEquals(0, stats.rejected());
        for (EncodingPath path : EncodingPath.values()) {
            assertEquals(paths.getOrDefault(path.name().toLowerCase(Locale.ROOT), 0L),
                    stats.encoderStats().paths().get(path).count(), path.name());
        }
        assertTrue(paths.get("bank_reference") > 0 && paths.get("context_delta") > 0 && paths.get("full") > 0,
                "the generated input takes every path but the codebook: " + paths);
        // Each conversation leases its context window (at least one buffer), and each message that does not go
        // out in full leases the buffer its stream is written in; a full-form stream goes out of the window.
        long leastAcquires = input.size() - paths.get("full") + 60;
        assertTrue(stats.encoderStats().pool().acquires() >= leastAcquires, "the executors' pools were used: "
                + stats.encoderStats().pool().acquires() + " acquires, at least " + leastAcquires);
        assertEquals("fixed", stats.encoderStats().pool().pool());
    }

    @Test
    void aRejectedMessageStopsItsConversationOnlyAndEveryRowIsAccountedFor() {
        assertThrows(TreeRejectedException.class, () -> {
            try (BufferPool pool = PoolCatalog.installed().create("fixed", Map.of());
                    SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.defaults())) {
                encoder.encode(REFUSING.parser().parse(REFUSED));
            }
        }, "the premise: the encoder refuses this text");
        List<Message> input = new ArrayList<>(Conversations.generate(2, 10, 3, 8));
        input.add(new Message("bad", 1, "hi there"));
        input.add(new Message("bad", 2, "Write a Python function to sort a list"));
        input.add(new Message("bad", 3, REFUSED));
        input.add(new Message("bad", 4, "hi there"));
        input.add(new Message("bad", 9, "Define recursion"));
        Collections.shuffle(input, new Random(3));
        Map<String, byte[]> expected = lonely(input, EncoderSettings.defaults());
        SigmaSparkConfig config = SigmaSparkConfig.defaults();
        EncodeStats stats = EncodeStats.register(spark, config);

        Map<String, Row> out = byKey(SigmaSpark.encode(messages(input, 3), config, stats, REFUSING));

        assertEquals(input.size(), out.size());
        assertArrayEquals(expected.get("bad#1"), (byte[]) out.get("bad#1").get(3));
        assertArrayEquals(expected.get("bad#2"), (byte[]) out.get("bad#2").get(3));
        assertNull(out.get("bad#3").get(3));
        assertTrue(out.get("bad#3").getString(4).contains("0x0B"), out.get("bad#3").getString(4));
        for (String later : List.of("bad#4", "bad#9")) {
            assertNull(out.get(later).get(3));
            assertTrue(out.get(later).getString(4).contains("the message at seq 3 stopped this conversation"),
                    out.get(later).getString(4));
        }
        for (Message m : input) {
            if (!m.conversation().equals("bad")) {
                assertArrayEquals(expected.get(m.conversation() + "#" + m.seq()),
                        (byte[]) out.get(m.conversation() + "#" + m.seq()).get(3));
            }
        }
        assertEquals(3, stats.rejected());
        assertEquals(input.size() - 3, stats.encoderStats().messages());
    }

    @Test
    void rowsWithANullColumnOrARepeatedSeqAreRejectedAndTheConversationGoesOn() {
        List<Row> rows = List.of(
                RowFactory.create("a", 1L, "hi there"),
                RowFactory.create("a", 2L, "Define recursion"),
                RowFactory.create("a", 2L, "Compare Rust vs Go"),
                RowFactory.create("a", 3L, null),
                RowFactory.create("a", null, "hi there"),
                RowFactory.create(null, 5L, "hi there"),
                RowFactory.create("a", 4L, "hi there"));
        Dataset<Row> input = spark.createDataFrame(rows, SigmaSpark.MESSAGES);

        List<Row> out = SigmaSpark.encode(input, SigmaSparkConfig.defaults()).collectAsList();

        assertEquals(rows.size(), out.size());
        List<String> reasons = new ArrayList<>();
        List<Long> encodedSeqs = new ArrayList<>();
        for (Row row : out) {
            if (row.get(4) == null) {
                encodedSeqs.add(row.getLong(1));
            } else {
                reasons.add(row.getString(4));
            }
        }
        Collections.sort(encodedSeqs);
        // Seq 2 appears twice: the one whose text sorts first ("Compare ...") is encoded.
        assertEquals(List.of(1L, 2L, 4L), encodedSeqs);
        Collections.sort(reasons);
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.contains("the conversation is null"), reasons.toString());
        assertTrue(reasons.contains("the seq is null"), reasons.toString());
        assertTrue(reasons.contains("the text is null"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("seq 2 appears more than once")), reasons.toString());
        Map<String, byte[]> expected = lonely(List.of(new Message("a", 1, "hi there"),
                new Message("a", 2, "Compare Rust vs Go"), new Message("a", 4, "hi there")),
                EncoderSettings.defaults());
        for (Row row : out) {
            if (row.get(4) == null) {
                assertArrayEquals(expected.get("a#" + row.getLong(1)), (byte[]) row.get(3));
            }
        }
    }

    @Test
    void failFastFailsTheJobOnTheFirstRejectedMessageNamingIt() {
        List<Message> input = List.of(new Message("x", 1, "hi there"), new Message("x", 2, REFUSED));
        Dataset<Row> encoded = SigmaSpark.encode(messages(input, 1), SigmaSparkConfig.defaults().withFailFast(true),
                null, REFUSING);

        Exception e = assertThrows(Exception.class, encoded::collectAsList);

        String chain = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain += t.getClass().getSimpleName() + ": " + t.getMessage() + "\n";
        }
        assertTrue(chain.contains("RejectedRowException: conversation \"x\" seq 2: "), chain);
    }

    @Test
    void decodeGivesBackTheParsersTreesAndRejectsABrokenStreamWithTheRestOfItsConversation() {
        List<Message> input = new ArrayList<>(Conversations.generate(4, 20, 2, 12));
        Collections.shuffle(input, new Random(5));
        SigmaSparkConfig config = SigmaSparkConfig.defaults().with("encoder.context-depth", "8");
        List<Row> encoded = SigmaSpark.encode(messages(input, 4), config).collectAsList();
        // Break the second stream of one conversation: flip a bit of its CRC.
        Message victim = input.stream().filter(m -> m.conversation().equals("conv-4-0"))
                .sorted((a, b) -> Long.compare(a.seq(), b.seq())).skip(1).findFirst().orElseThrow();
        List<Row> streams = new ArrayList<>();
        for (Row row : encoded) {
            byte[] stream = ((byte[]) row.get(3)).clone();
            if (row.getString(0).equals(victim.conversation()) && row.getLong(1) == victim.seq()) {
                stream[stream.length - 1] ^= 1;
            }
            streams.add(RowFactory.create(row.getString(0), row.getLong(1), stream));
        }
        StructType schema = new StructType().add("conversation", DataTypes.StringType)
                .add("seq", DataTypes.LongType).add("stream", DataTypes.BinaryType);
        Collections.shuffle(streams, new Random(11));

        Map<String, Row> trees = byKey(SigmaSpark.decode(spark.createDataFrame(streams, schema).repartition(3),
                config));

        assertEquals(input.size(), trees.size());
        TreeJson json = new TreeJson();
        int rejected = 0;
        for (Message m : input) {
            Row row = trees.get(m.conversation() + "#" + m.seq());
            boolean broken = m.conversation().equals(victim.conversation()) && m.seq() >= victim.seq();
            if (broken) {
                rejected++;
                assertNull(row.get(2));
                assertNotNull(row.get(3));
                assertTrue(m.seq() == victim.seq() ? row.getString(3).toLowerCase(Locale.ROOT).contains("crc")
                        : row.getString(3).contains("the stream at seq " + victim.seq()), row.getString(3));
            } else {
                assertEquals(json.write(PARSER.parse(m.text()).root()), row.getString(2), m.toString());
                assertNull(row.get(3));
            }
        }
        assertTrue(rejected >= 1);
    }

    @Test
    void aMissingOrMistypedColumnIsOneLineNamingIt() {
        Dataset<Row> noSeq = spark.createDataFrame(List.of(RowFactory.create("a", "hi")),
                new StructType().add("conversation", DataTypes.StringType).add("text", DataTypes.StringType));
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> SigmaSpark.encode(noSeq, SigmaSparkConfig.defaults()));
        assertEquals("the messages input has no column seq (expected conversation: string, seq: a whole number"
                + " (long), text: string; found conversation: string, text: string)", missing.getMessage());

        Dataset<Row> textSeq = spark.createDataFrame(List.of(RowFactory.create("a", "1", "hi")),
                new StructType().add("conversation", DataTypes.StringType).add("seq", DataTypes.StringType)
                        .add("text", DataTypes.StringType));
        InvalidInputException mistyped = assertThrows(InvalidInputException.class,
                () -> SigmaSpark.encode(textSeq, SigmaSparkConfig.defaults()));
        assertEquals("the messages input's column seq is string (expected a whole number (long))",
                mistyped.getMessage());
    }

    @Test
    void anIntegerSeqIsWidenedAndExtraColumnsAreIgnored() {
        Dataset<Row> input = spark.createDataFrame(
                List.of(RowFactory.create("hi there", 2, "a", "ignored"), RowFactory.create("hi there", 1, "a", "x")),
                new StructType().add("text", DataTypes.StringType).add("seq", DataTypes.IntegerType)
                        .add("conversation", DataTypes.StringType).add("other", DataTypes.StringType));
        List<Row> out = SigmaSpark.encode(input, SigmaSparkConfig.defaults()).collectAsList();
        Map<String, byte[]> expected = lonely(List.of(new Message("a", 1, "hi there"), new Message("a", 2, "hi there")),
                EncoderSettings.defaults());
        assertEquals(2, out.size());
        for (Row row : out) {
            assertArrayEquals(expected.get("a#" + row.getLong(1)), (byte[]) row.get(3));
        }
    }

    @Test
    void anInvalidConfigurationIsRefusedBeforeAnyTaskRuns() {
        Dataset<Row> input = messages(List.of(new Message("a", 1, "hi")), 1);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SigmaSpark.encode(input, SigmaSparkConfig.defaults().with("encoder.context-depth", "17")));
        assertEquals("invalid configuration: encoder.context-depth = \"17\" (from settings map): expected an integer"
                + " 1..16", e.getMessage());
    }
}
