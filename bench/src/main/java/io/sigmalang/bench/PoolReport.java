package io.sigmalang.bench;

import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.format.TreeRejectedException;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The buffer-pool report: measures every strategy at capacities 16, 32, 64 and 128 over the shipped corpus and
 * a synthetic burst load, then the pools' share of encode time and the bytes each strategy writes, and writes
 * {@code report.md}, {@code report.json} and {@code capacity-sweep.png} into the output folder.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.sigmalang.bench.PoolReport --out DIR [--quick] [--corpus FILE]</pre>
 *
 * <p>Every figure is measured in this run (see {@link PoolWorkloads} for how). {@code --quick} does a fraction of
 * the work, for the test; its timings are rough. Bad arguments print one line and exit with status 2; a run
 * whose pools left leases outstanding or whose strategies wrote different bytes still writes its files, then
 * exits with status 1.
 */
public final class PoolReport {
    static final List<Integer> CAPACITIES = List.of(16, 32, 64, 128);
    static final int BUFFER_SIZE = 4096;
    static final int SHARE_CAPACITY = 16;
    static final String CHART_FILE = "capacity-sweep.png";
    private static final String USAGE = "usage: PoolReport --out DIR [--quick] [--corpus FILE]";
    private static final long BURST_SEED = 0x5161_4C41_4E47L;

    private PoolReport() {
    }

    /** Runs the report; exits with 2 on bad arguments and 1 when a check failed, returns normally otherwise. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the report and returns the exit status: 0 done, 1 a check failed or output failed, 2 bad arguments. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        Corpus corpus;
        try {
            options = Options.parse(args);
            if (options == null) {
                out.println(USAGE);
                return 0;
            }
            corpus = options.corpus == null ? Corpus.shipped() : Corpus.fromFile(options.corpus);
            Files.createDirectories(options.out);
        } catch (IllegalArgumentException e) {
            err.println("pool report: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("pool report: cannot create output folder: " + e.getMessage());
            return 2;
        }
        ReportResult result;
        try {
            result = measure(corpus, options.quick ? ReportResult.Plan.quickPlan() : ReportResult.Plan.fullPlan(),
                    out);
        } catch (TreeRejectedException e) {
            err.println("pool report: corpus " + corpus.source() + " holds a message the encoder rejects: "
                    + e.getMessage());
            return 2;
        }
        try {
            Files.writeString(options.out.resolve("report.md"), ReportMarkdown.render(result, CHART_FILE),
                    StandardCharsets.UTF_8);
            Files.writeString(options.out.resolve("report.json"), ReportJson.render(result, CHART_FILE),
                    StandardCharsets.UTF_8);
            CapacityChart.write(result.rows(), result.strategies(), result.capacities(),
                    options.out.resolve(CHART_FILE));
        } catch (IOException e) {
            err.println("pool report: cannot write into " + options.out + ": " + e.getMessage());
            return 1;
        }
        out.println("pool report written to " + options.out.toAbsolutePath());
        if (result.outstanding() != 0) {
            err.println("pool report: " + result.outstanding() + " leases were still outstanding after the run");
            return 1;
        }
        if (!result.bytesIdentical()) {
            err.println("pool report: the strategies wrote different bytes for the same corpus (see report.md)");
            return 1;
        }
        return 0;
    }

    private static ReportResult measure(Corpus corpus, ReportResult.Plan plan, PrintStream out) {
        long start = System.nanoTime();
        List<SemanticTree> trees = corpus.trees(CodecWiring::parse);
        EncoderSettings settings = EncoderSettings.defaults();
        List<PoolStrategy> strategies = PoolStrategy.installed();
        out.println("warming up");
        new PoolWorkloads(CodecWiring::encoder, settings, trees, BUFFER_SIZE, 0)
                .warmUp(strategies, plan.jitWarmupPasses(), plan.jitWarmupRounds());
        double timerNanos = TimerCalibration.emptyRegionNanos(plan.calibrationSamples());
        PoolWorkloads workloads = new PoolWorkloads(CodecWiring::encoder, settings, trees, BUFFER_SIZE, timerNanos);

        PoolWorkloads.CorpusOutput baseline;
        try (BufferPool single = new SingleBufferPool(BUFFER_SIZE, BenchmarkConfig.BASELINE_BUFFERS)) {
            baseline = workloads.output(single);
        }

        BurstPattern burstWarmup = BurstPattern.of(plan.burstWarmupRounds(), BURST_SEED + 1);
        BurstPattern bursts = BurstPattern.of(plan.burstRounds(), BURST_SEED);
        List<SweepRow> rows = new ArrayList<>();
        List<ReportResult.Compression> compression = new ArrayList<>();
        boolean allIdentical = true;
        long outstanding = 0;
        for (PoolStrategy strategy : strategies) {
            boolean identical = true;
            PoolWorkloads.CorpusOutput first = null;
            for (int capacity : CAPACITIES) {
                out.printf(Locale.ROOT, "measuring %s at capacity %d%n", strategy.label(), capacity);
                PoolWorkloads.CorpusRun run = workloads.corpus(strategy, capacity, plan.warmupPasses(), plan.passes());
                rows.add(run.row());
                outstanding += run.row().outstanding();
                identical &= run.output().equals(baseline);
                if (first == null) {
                    first = run.output();
                }
            }
            for (int capacity : CAPACITIES) {
                SweepRow row = workloads.burst(strategy, capacity, burstWarmup, bursts);
                rows.add(row);
                outstanding += row.outstanding();
            }
            allIdentical &= identical;
            compression.add(new ReportResult.Compression(strategy.label(), first.bytes(),
                    (double) first.bytes() / corpus.utf8Bytes(), first.sha256(), identical));
        }
        rows.sort((a, b) -> a.workload().equals(b.workload()) ? 0 : a.workload().equals("corpus") ? -1 : 1);

        out.println("measuring the pools' share of encode time");
        ReportResult.Share share = share(workloads, strategies, plan, trees.size(), rows);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        return new ReportResult(machine(), plan, corpus.source(), corpus.messages().size(), corpus.utf8Bytes(),
                "defaults", BUFFER_SIZE, CAPACITIES, strategies.stream().map(PoolStrategy::label).toList(),
                timerNanos, rows, share, compression, baseline.sha256(), allIdentical, outstanding, elapsed);
    }

    /**
     * Times the corpus through the single buffer and through each strategy, interleaved round by round (the
     * order rotating) so that drift in the machine's speed hits all of them alike, and keeps each one's fastest
     * round: on a shared machine noise only ever adds time, so the minimum is the steadiest estimate of the cost.
     */
    private static ReportResult.Share share(PoolWorkloads workloads, List<PoolStrategy> strategies,
            ReportResult.Plan plan, int messages, List<SweepRow> rows) {
        int contenders = strategies.size() + 1;
        long[][] nanos = new long[contenders][plan.shareRounds()];
        for (int round = 0; round < plan.shareRounds(); round++) {
            for (int k = 0; k < contenders; k++) {
                int index = (k + round) % contenders;
                try (BufferPool pool = index == 0 ? new SingleBufferPool(BUFFER_SIZE, BenchmarkConfig.BASELINE_BUFFERS)
                        : strategies.get(index - 1).create(SHARE_CAPACITY, BUFFER_SIZE)) {
                    workloads.encodePass(pool, null);
                    nanos[index][round] = workloads.encodeNanos(pool, plan.sharePasses());
                }
            }
        }
        double perMessage = (double) plan.sharePasses() * messages;
        double baseline = fastest(nanos[0]) / perMessage;
        List<ReportResult.ShareRow> shares = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            String label = strategies.get(i).label();
            double time = fastest(nanos[i + 1]) / perMessage;
            SweepRow corpusRow = rows.stream()
                    .filter(r -> r.workload().equals("corpus") && r.strategy().equals(label)
                            && r.capacity() == SHARE_CAPACITY)
                    .findFirst()
                    .orElseThrow();
            double leasesPerMessage = (double) corpusRow.acquires() / (plan.passes() * (long) messages);
            double callNanos = leasesPerMessage * (corpusRow.acquireNanos() + corpusRow.releaseNanos());
            shares.add(new ReportResult.ShareRow(label, time, (time - baseline) / time, callNanos, callNanos / time));
        }
        return new ReportResult.Share(SHARE_CAPACITY, baseline, shares);
    }

    private static double fastest(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static ReportResult.Machine machine() {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                cpu = lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse(cpu);
            } catch (IOException | java.io.UncheckedIOException e) {
                cpu = "unknown CPU (" + e.getMessage() + ")";
            }
        }
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new ReportResult.Machine(cpu, Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("java.version"), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /** The parsed command line; {@code null} from {@link #parse} means help was asked for. */
    private record Options(Path out, boolean quick, Path corpus) {

        static Options parse(String[] args) {
            Path out = null;
            Path corpus = null;
            boolean quick = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--quick" -> quick = true;
                    case "--out" -> out = Path.of(value(args, ++i, "--out", "a folder"));
                    case "--corpus" -> corpus = Path.of(value(args, ++i, "--corpus", "a corpus file"));
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "' (" + USAGE + ")");
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required (" + USAGE + ")");
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new IllegalArgumentException("--out " + out + " exists and is not a folder");
            }
            return new Options(out, quick, corpus);
        }

        private static String value(String[] args, int index, String option, String what) {
            if (index >= args.length || args[index].startsWith("--") || args[index].isBlank()) {
                throw new IllegalArgumentException(option + " needs " + what + " after it (" + USAGE + ")");
            }
            return args[index];
        }
    }
}
