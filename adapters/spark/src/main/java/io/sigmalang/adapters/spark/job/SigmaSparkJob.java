package io.sigmalang.adapters.spark.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.sigmalang.adapters.json.EncoderStatsJson;
import io.sigmalang.adapters.spark.EncodeStats;
import io.sigmalang.adapters.spark.InvalidConfigurationException;
import io.sigmalang.adapters.spark.InvalidInputException;
import io.sigmalang.adapters.spark.RejectedRowException;
import io.sigmalang.adapters.spark.SigmaSpark;
import io.sigmalang.adapters.spark.SigmaSparkConfig;
import io.sigmalang.domain.codec.EncoderStats;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.PathStats;
import io.sigmalang.domain.pool.PoolStats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * The encode and decode jobs: read the input (Parquet or JSON Lines), run {@link SigmaSpark}, write Parquet
 * partitioned by outcome ({@code OUTPUT/outcome=encoded/} or {@code decoded/}, and {@code OUTPUT/outcome=rejected/}
 * for the rows with a reason), and print a summary on stderr. The composition root of a Spark run: it reads the
 * configuration and lets each executor build its pool by strategy name; it chooses no implementation in code.
 *
 * <p>Exit codes as the CLI's: 0 done (rejected rows included, unless {@code --fail-fast}), 2 usage or
 * configuration, 65 bad input data, 74 a path that cannot be read or written, and 70 for a failure of Spark or of
 * this code that none of these explains. Every error is one line on stderr unless {@code --debug}.
 */
public final class SigmaSparkJob {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int DATA = 65;
    static final int SOFTWARE = 70;
    static final int IO = 74;

    /** The JSON Lines schema: the three columns, and the raw text of a line that does not fit them. */
    private static final StructType JSON_LINES = SigmaSpark.MESSAGES.add("_corrupt_record", DataTypes.StringType);

    private final PrintStream err;

    SigmaSparkJob(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new SigmaSparkJob(System.err).run(args));
    }

    /** Runs the job of {@code args} and returns its exit code. */
    int run(String[] args) {
        if (args.length == 0 || Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            err.println(JobArguments.USAGE);
            return args.length == 0 ? USAGE : OK;
        }
        JobArguments arguments;
        try {
            arguments = JobArguments.parse(args);
        } catch (JobArguments.UsageException e) {
            err.println("sigmalang-spark: " + e.getMessage());
            return USAGE;
        }
        String name = "sigmalang-spark " + arguments.command();
        try {
            SigmaSparkConfig config = configure(arguments).validate();
            String unusable = checkLocalPaths(arguments);
            if (unusable != null) {
                err.println(name + ": " + unusable);
                return IO;
            }
            return arguments.command().equals("encode") ? encode(arguments, config) : decode(arguments, config);
        } catch (Exception e) {
            if (arguments.debug()) {
                e.printStackTrace(err);
            }
            Failure failure = Failure.of(e);
            err.println(name + ": " + failure.message());
            return failure.exitCode();
        }
    }

    private static SigmaSparkConfig configure(JobArguments arguments) throws IOException {
        SigmaSparkConfig config = SigmaSparkConfig.defaults();
        if (arguments.configFile() != null) {
            config = config.withFile(arguments.configFile());
        }
        for (String[] set : arguments.sets()) {
            config = config.with(set[0], set[1], "command-line option --set");
        }
        return config.withFailFast(arguments.failFast());
    }

    /**
     * For paths on this machine (no scheme, or {@code file:}), what Spark would find only after its session has
     * started: an input that does not exist, an output that does. Null when there is nothing to say.
     */
    static String checkLocalPaths(JobArguments arguments) {
        Path input = localPath(arguments.input());
        if (input != null && !Files.exists(input)) {
            return "cannot read " + arguments.input() + ": no such file or directory";
        }
        Path output = localPath(arguments.output());
        if (output != null && Files.exists(output)) {
            return arguments.output() + " already exists (the job never overwrites: remove it or choose another"
                    + " output)";
        }
        return null;
    }

    private static Path localPath(String path) {
        if (path.startsWith("file:")) {
            return Path.of(URI.create(path.startsWith("file://") ? path : "file://" + path.substring(5)));
        }
        return path.contains("://") ? null : Path.of(path);
    }

    private SparkSession session(JobArguments arguments) {
        long start = System.nanoTime();
        Option<SparkSession> running = SparkSession.getDefaultSession();
        SparkSession spark;
        if (running.isDefined()) {
            spark = running.get();
        } else {
            SparkSession.Builder builder = SparkSession.builder().appName("sigmalang " + arguments.command());
            if (!new SparkConf().contains("spark.master")) {
                builder.master("local[*]");
            }
            spark = builder.getOrCreate();
        }
        arguments.partitions().ifPresent(n -> spark.conf().set("spark.sql.shuffle.partitions", n));
        err.printf(Locale.ROOT, "spark session %s (%s) started in %.1f s%n", spark.version(),
                spark.sparkContext().master(), (System.nanoTime() - start) / 1e9);
        return spark;
    }

    private int encode(JobArguments arguments, SigmaSparkConfig config) throws IOException {
        SparkSession spark = session(arguments);
        long start = System.nanoTime();
        Dataset<Row> messages = arguments.format().equals("json")
                ? spark.read().schema(JSON_LINES).option("mode", "PERMISSIVE").json(arguments.input())
                : spark.read().parquet(arguments.input());
        EncodeStats stats = EncodeStats.register(spark, config);
        Dataset<Row> encoded = SigmaSpark.encode(messages, config, stats);
        encoded.withColumn("outcome", when(col("reason").isNull(), lit("encoded")).otherwise(lit("rejected")))
                .write().partitionBy("outcome").parquet(arguments.output());
        double seconds = (System.nanoTime() - start) / 1e9;
        EncoderStats s = stats.encoderStats();
        err.println(summary(s, stats.conversations(), stats.rejected(), seconds, arguments.output()));
        if (arguments.statsJson() != null) {
            try (OutputStream out = Files.newOutputStream(arguments.statsJson())) {
                new EncoderStatsJson().write(s, out);
            }
        }
        return OK;
    }

    private int decode(JobArguments arguments, SigmaSparkConfig config) {
        SparkSession spark = session(arguments);
        long start = System.nanoTime();
        Dataset<Row> streams = spark.read().parquet(arguments.input());
        if (Arrays.asList(streams.columns()).contains("outcome")) {
            streams = streams.where(col("outcome").equalTo("encoded"));
        }
        Dataset<Row> trees = SigmaSpark.decode(streams, config);
        trees.withColumn("outcome", when(col("reason").isNull(), lit("decoded")).otherwise(lit("rejected")))
                .write().partitionBy("outcome").parquet(arguments.output());
        err.printf(Locale.ROOT, "decoded %s in %.1f s: trees in %s/outcome=decoded, rejected rows (if any) in"
                + " %s/outcome=rejected%n", arguments.input(), (System.nanoTime() - start) / 1e9, arguments.output(),
                arguments.output());
        return OK;
    }

    /** The summary of an encode job, in the CLI's words, with what is Spark's own. */
    static String summary(EncoderStats s, long conversations, long rejected, double seconds, String output) {
        StringJoiner paths = new StringJoiner(", ");
        for (EncodingPath path : EncodingPath.values()) {
            PathStats p = s.paths().getOrDefault(path, new PathStats(0, 0, 0));
            paths.add(path.name().toLowerCase(Locale.ROOT) + " " + p.count());
        }
        PoolStats p = s.pool();
        return String.format(Locale.ROOT,
                "encoded %,d messages of %,d conversations in %.1f s: %,d bytes of text in, %,d stream bytes out,"
                        + " ratio %s"
                        + "%n  paths: %s"
                        + "%n  rejected rows: %,d%s"
                        + "%n  pools %s, summed over the executors: %,d acquires, %,d overflows, %,d releases,"
                        + " %,d outstanding, %,d bytes retained (peaks %,d), %,d resizes, %,d leaks",
                s.messages(), conversations, seconds, s.inputBytes(), s.outputBytes(),
                Double.isNaN(s.ratio()) ? "n/a" : String.format(Locale.ROOT, "%.3f", s.ratio()), paths, rejected,
                rejected == 0 ? "" : " (with their reasons in " + output + "/outcome=rejected)",
                p.pool(), p.acquires(), p.overflowAllocations(), p.releases(), p.outstanding(), p.retainedBytes(),
                p.peakRetainedBytes(), p.resizes(), p.leaks());
    }

    /** An exception as the user sees it: an exit code and one line. */
    record Failure(int exitCode, String message) {
        static Failure of(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JobArguments.UsageException || t instanceof InvalidConfigurationException) {
                    return new Failure(USAGE, firstLine(t));
                }
                if (t instanceof InvalidInputException || t instanceof RejectedRowException) {
                    return new Failure(DATA, firstLine(t));
                }
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SparkThrowable spark && spark.getCondition() != null) {
                    String condition = spark.getCondition();
                    if (condition.startsWith("PATH_NOT_FOUND") || condition.startsWith("PATH_ALREADY_EXISTS")) {
                        return new Failure(IO, firstLine(t) + (condition.startsWith("PATH_ALREADY_EXISTS")
                                ? " (the job never overwrites: remove it or choose another output)" : ""));
                    }
                }
                if (t instanceof NoSuchFileException missing) {
                    return new Failure(IO, "no such file: " + missing.getFile());
                }
                if (t instanceof IOException || t instanceof UncheckedIOException) {
                    return new Failure(IO, firstLine(t));
                }
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return new Failure(SOFTWARE, "failed: " + root.getClass().getSimpleName() + ": " + firstLine(root));
        }

        private static String firstLine(Throwable t) {
            String message = t.getMessage();
            return message == null ? t.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
        }
    }
}
