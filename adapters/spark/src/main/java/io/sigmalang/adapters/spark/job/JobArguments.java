package io.sigmalang.adapters.spark.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The command line of {@link SigmaSparkJob}, parsed and checked: {@code encode|decode INPUT OUTPUT [options]}.
 *
 * @param command    {@code encode} or {@code decode}
 * @param input      where the rows are read (any path Spark reads: a file, a directory, {@code s3a://...})
 * @param output     where the Parquet output is written (must not exist)
 * @param format     the input's format: {@code parquet} or {@code json} (JSON Lines)
 * @param partitions shuffle partitions, or empty for Spark's {@code spark.sql.shuffle.partitions}
 * @param configFile a {@code .properties} file of sigmalang keys, or null
 * @param sets       {@code KEY=VALUE} pairs, in order (they win over the file)
 * @param statsJson  where the summed statistics go as JSON (encode), or null
 * @param failFast   whether the first rejected row fails the job
 * @param debug      whether errors show their stack trace
 */
record JobArguments(String command, String input, String output, String format, OptionalInt partitions,
        Path configFile, List<String[]> sets, Path statsJson, boolean failFast, boolean debug) {

    static final String USAGE = """
            usage: sigmalang-spark encode INPUT OUTPUT [options]   messages (conversation, seq, text) -> streams
                   sigmalang-spark decode INPUT OUTPUT [options]   streams (conversation, seq, stream) -> tree JSON
            options:
              --format parquet|json  the input's format (default: json for a path ending in .json, .jsonl or
                                     .ndjson, else parquet); decode reads parquet
              --partitions N         shuffle partitions, 1..1000000 (default: spark.sql.shuffle.partitions)
              --config FILE          a .properties file of sigmalang keys (pool.*, encoder.*, batch.*)
              --set KEY=VALUE        one key, repeatable; wins over --config
              --stats-json FILE      encode: write the summed statistics as JSON, as the CLI's --stats-json
              --fail-fast            the first rejected row fails the job (exit 65) instead of becoming a row
              --debug                show stack traces
            The master is spark-submit's, or local[*] when run without it.""";

    /** Thrown for a command line that cannot be used; its message is one line. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static JobArguments parse(String[] args) {
        List<String> positional = new ArrayList<>();
        String format = null;
        OptionalInt partitions = OptionalInt.empty();
        Path configFile = null;
        List<String[]> sets = new ArrayList<>();
        Path statsJson = null;
        boolean failFast = false;
        boolean debug = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--format" -> {
                    format = value(args, ++i, arg);
                    if (!format.equals("parquet") && !format.equals("json")) {
                        throw new UsageException("--format " + format + ": expected parquet or json");
                    }
                }
                case "--partitions" -> {
                    String n = value(args, ++i, arg);
                    if (!n.matches("\\d{1,7}") || Integer.parseInt(n) < 1 || Integer.parseInt(n) > 1_000_000) {
                        throw new UsageException("--partitions " + n + ": expected a whole number 1..1000000");
                    }
                    partitions = OptionalInt.of(Integer.parseInt(n));
                }
                case "--config" -> configFile = Path.of(value(args, ++i, arg));
                case "--set" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--set " + pair + ": expected KEY=VALUE");
                    }
                    sets.add(new String[] {pair.substring(0, eq).strip(), pair.substring(eq + 1)});
                }
                case "--stats-json" -> statsJson = Path.of(value(args, ++i, arg));
                case "--fail-fast" -> failFast = true;
                case "--debug" -> debug = true;
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option " + arg + " (see --help)");
                    }
                    positional.add(arg);
                }
            }
        }
        if (positional.size() != 3) {
            throw new UsageException("expected a command and two paths: encode|decode INPUT OUTPUT (got "
                    + positional.size() + " arguments; see --help)");
        }
        String command = positional.get(0);
        if (!command.equals("encode") && !command.equals("decode")) {
            throw new UsageException("unknown command " + command + ": expected encode or decode");
        }
        String input = positional.get(1);
        if (format == null) {
            String lower = input.toLowerCase(Locale.ROOT);
            boolean json = command.equals("encode")
                    && (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson"));
            format = json ? "json" : "parquet";
        } else if (command.equals("decode") && !format.equals("parquet")) {
            throw new UsageException("decode reads parquet (the encode job's output), not " + format);
        }
        if (statsJson != null && !command.equals("encode")) {
            throw new UsageException("--stats-json is an option of encode");
        }
        return new JobArguments(command, input, positional.get(2), format, partitions, configFile, List.copyOf(sets),
                statsJson, failFast, debug);
    }

    private static String value(String[] args, int at, String option) {
        if (at >= args.length) {
            throw new UsageException(option + " needs a value (see --help)");
        }
        return args[at];
    }
}
