package io.sigmalang.adapters.spark;

import org.apache.spark.util.AccumulatorV2;

/** A Spark accumulator of {@link StatsVector}s: tasks add theirs, the driver reads the sum. */
final class StatsAccumulator extends AccumulatorV2<long[], long[]> {
    private static final long serialVersionUID = 1L;

    private final long[] sum = StatsVector.zero();

    @Override
    public boolean isZero() {
        for (long v : sum) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public AccumulatorV2<long[], long[]> copy() {
        StatsAccumulator copy = new StatsAccumulator();
        StatsVector.add(copy.sum, sum);
        return copy;
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(sum, 0);
    }

    @Override
    public void add(long[] v) {
        StatsVector.add(sum, v);
    }

    @Override
    public void merge(AccumulatorV2<long[], long[]> other) {
        StatsVector.add(sum, other.value());
    }

    @Override
    public long[] value() {
        return sum.clone();
    }
}
