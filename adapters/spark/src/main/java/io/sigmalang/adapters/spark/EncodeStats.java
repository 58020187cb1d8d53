package io.sigmalang.adapters.spark;

import io.sigmalang.domain.codec.EncoderStats;
import org.apache.spark.sql.SparkSession;

/**
 * The statistics of encode jobs, summed on the driver from their tasks through a Spark accumulator: the
 * encoders' statistics as the CLI reports them, the executors' pools summed, conversations and rejected rows.
 *
 * <p>Read them after an action (a write, a count). Spark applies an accumulator's updates from a transformation
 * once per task run: a task that is run again (after a failure, or when its output is recomputed) adds its
 * statistics again. The rows are exact either way; the statistics then overcount.
 */
public final class EncodeStats {
    private final StatsAccumulator accumulator;
    private final String strategy;

    private EncodeStats(StatsAccumulator accumulator, String strategy) {
        this.accumulator = accumulator;
        this.strategy = strategy;
    }

    /** New, zero statistics registered with {@code spark}'s context, for jobs configured by {@code config}. */
    public static EncodeStats register(SparkSession spark, SigmaSparkConfig config) {
        StatsAccumulator accumulator = new StatsAccumulator();
        spark.sparkContext().register(accumulator, "sigmalang encode");
        return new EncodeStats(accumulator, config.strategy());
    }

    StatsAccumulator accumulator() {
        return accumulator;
    }

    /** The encoders' statistics added up, with the executors' pools (of the configured strategy) summed. */
    public EncoderStats encoderStats() {
        return StatsVector.toEncoderStats(accumulator.value(), strategy);
    }

    /** Conversations encoded (started by a task). */
    public long conversations() {
        return accumulator.value()[StatsVector.CONVERSATIONS];
    }

    /** Rows rejected: not encoded, each with its reason in the output. */
    public long rejected() {
        return accumulator.value()[StatsVector.REJECTED];
    }
}
