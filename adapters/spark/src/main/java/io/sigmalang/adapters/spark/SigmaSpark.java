package io.sigmalang.adapters.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * ΣLANG on Spark Datasets, for spark-shell, notebooks and jobs of one's own.
 *
 * <pre>{@code
 * Dataset<Row> messages = spark.read().parquet("s3a://lake/chat/");       // conversation, seq, text
 * Dataset<Row> encoded = SigmaSpark.encode(messages, SigmaSparkConfig.defaults().with("pool.strategy", "fixed"));
 * Dataset<Row> trees = SigmaSpark.decode(encoded.where("reason IS NULL"), SigmaSparkConfig.defaults());
 * }</pre>
 *
 * <p>Both repartition their input by conversation and sort each partition by conversation and seq, so that each
 * conversation is handled in seq order by one task, whatever order the input is in; the row order of the output
 * is not defined. Each executor JVM builds one pool, by strategy name, and shares it between its tasks.
 */
public final class SigmaSpark {
    /** The input of {@link #encode}: other columns are ignored; {@code seq} may be any whole-number type. */
    public static final StructType MESSAGES = new StructType()
            .add("conversation", DataTypes.StringType)
            .add("seq", DataTypes.LongType)
            .add("text", DataTypes.StringType);

    /**
     * The output of {@link #encode}: one row per input row. An encoded row has its {@code path} (codebook,
     * bank_reference, context_delta or full) and {@code stream}, and no {@code reason}; a rejected row has only
     * its {@code reason} (and its conversation and seq, when they were not null).
     */
    public static final StructType ENCODED = new StructType()
            .add("conversation", DataTypes.StringType)
            .add("seq", DataTypes.LongType)
            .add("path", DataTypes.StringType)
            .add("stream", DataTypes.BinaryType)
            .add("reason", DataTypes.StringType);

    /** The output of {@link #decode}: one row per input row, the tree as JSON or the reason it is not there. */
    public static final StructType TREES = new StructType()
            .add("conversation", DataTypes.StringType)
            .add("seq", DataTypes.LongType)
            .add("tree", DataTypes.StringType)
            .add("reason", DataTypes.StringType);

    private SigmaSpark() {
    }

    /**
     * Encodes every conversation of {@code messages} (columns {@code conversation}, {@code seq}, {@code text}),
     * each in seq order, as the batch encoder and the CLI's {@code encode-batch} do: the streams are byte for byte
     * theirs.
     *
     * @throws InvalidInputException when a column is missing or of a type that cannot be read as expected
     * @throws InvalidConfigurationException when {@code config} is not valid
     */
    public static Dataset<Row> encode(Dataset<Row> messages, SigmaSparkConfig config) {
        return encode(messages, config, null);
    }

    /** {@link #encode(Dataset, SigmaSparkConfig)}, adding the job's statistics to {@code stats} as tasks end. */
    public static Dataset<Row> encode(Dataset<Row> messages, SigmaSparkConfig config, EncodeStats stats) {
        return encode(messages, config, stats, PartitionEncoder.RULE_BASED);
    }

    /** With another parser (tests: a parser that makes trees the encoder refuses). */
    static Dataset<Row> encode(Dataset<Row> messages, SigmaSparkConfig config, EncodeStats stats,
            PartitionEncoder.Parsers parsers) {
        config.validate();
        Dataset<Row> input = Columns.messages(Objects.requireNonNull(messages, "messages"));
        return input.repartition(col(Columns.CONVERSATION))
                .sortWithinPartitions(Columns.CONVERSATION, Columns.SEQ, Columns.TEXT)
                .mapPartitions(new PartitionEncoder(config, stats == null ? null : stats.accumulator(), parsers),
                        Encoders.row(ENCODED));
    }

    /**
     * Decodes the streams of {@code streams} (columns {@code conversation}, {@code seq}, {@code stream}; the output
     * of {@link #encode} with its rejected rows filtered out, or a Parquet copy of it), each conversation in seq
     * order, with the encoder settings of {@code config} (they must be those the streams were encoded with).
     */
    public static Dataset<Row> decode(Dataset<Row> streams, SigmaSparkConfig config) {
        config.validate();
        Dataset<Row> input = Columns.streams(Objects.requireNonNull(streams, "streams"));
        return input.repartition(col(Columns.CONVERSATION))
                .sortWithinPartitions(Columns.CONVERSATION, Columns.SEQ)
                .mapPartitions(new PartitionDecoder(config.codecSettings(), config.failFast()), Encoders.row(TREES));
    }
}
