package io.sigmalang.adapters.spark.testsupport;

import org.apache.spark.sql.SparkSession;

/**
 * The tests' Spark session: one per test JVM (starting one takes seconds), two local cores, no web UI, bound to
 * the loopback interface, eight shuffle partitions, not merged (so every test runs several partitions).
 */
public final class LocalSpark {
    private LocalSpark() {
    }

    public static synchronized SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("sigmalang-spark tests")
                .config("spark.ui.enabled", false)
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", 8)
                // Keep the partitions the tests ask for: adaptive execution would merge small ones into one.
                .config("spark.sql.adaptive.coalescePartitions.enabled", false)
                .getOrCreate();
    }
}
