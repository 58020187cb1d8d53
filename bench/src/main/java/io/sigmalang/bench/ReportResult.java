package io.sigmalang.bench;

import java.util.List;

/**
 * Everything one run of {@link PoolReport} measured, as written to {@code report.md} and {@code report.json}.
 *
 * @param machine        where it ran
 * @param plan           how much work each measurement did
 * @param corpusSource   the corpus's file or resource
 * @param messages       messages in the corpus
 * @param corpusBytes    UTF-8 bytes of the corpus's messages
 * @param settings       the encoder settings used, by name
 * @param bufferSize     bytes per pooled buffer
 * @param capacities     the capacities swept
 * @param strategies     the strategies measured
 * @param timerNanos     the measured cost of an empty timed region, subtracted from call times
 * @param rows           the capacity sweep: one row per workload, strategy and capacity
 * @param share          the pool's share of encode time
 * @param compression    compression ratio and stream digest per strategy
 * @param baselineSha256 the digest of the streams written through the single-buffer baseline
 * @param bytesIdentical whether every strategy at every capacity wrote exactly the baseline's bytes
 * @param outstanding    leases not released after all runs, summed over every pool (must be 0)
 * @param elapsedMillis  how long the measurements took
 */
record ReportResult(
        Machine machine,
        Plan plan,
        String corpusSource,
        int messages,
        long corpusBytes,
        String settings,
        int bufferSize,
        List<Integer> capacities,
        List<String> strategies,
        double timerNanos,
        List<SweepRow> rows,
        Share share,
        List<Compression> compression,
        String baselineSha256,
        boolean bytesIdentical,
        long outstanding,
        long elapsedMillis) {

    /** The machine and JVM. */
    record Machine(String cpu, int cores, long memoryBytes, String java, String vm, String os) {
    }

    /**
     * How much work each measurement did.
     *
     * @param quick              whether this is the quick run (for tests; its figures are rough)
     * @param jitWarmupPasses    corpus passes through each strategy (and the single buffer) before anything is
     *                           measured, so the shared code is compiled before the first run
     * @param jitWarmupRounds    burst rounds on each strategy before anything is measured
     * @param warmupPasses       corpus passes on a throw-away pool before each measured corpus run
     * @param passes             measured corpus passes per strategy and capacity
     * @param burstWarmupRounds  burst rounds on a throw-away pool before each measured burst run
     * @param burstRounds        measured burst rounds per strategy and capacity
     * @param shareRounds        rounds of the encode-time comparison (strategies interleaved, fastest round kept)
     * @param sharePasses        corpus passes per strategy in each round
     * @param calibrationSamples empty timed regions averaged for the timer's cost
     */
    record Plan(boolean quick, int jitWarmupPasses, int jitWarmupRounds, int warmupPasses, int passes, int burstWarmupRounds, int burstRounds,
            int shareRounds, int sharePasses, int calibrationSamples) {

        static Plan quickPlan() {
            return new Plan(true, 10, 10_000, 2, 3, 2_000, 3_000, 5, 10, 200_000);
        }

        static Plan fullPlan() {
            return new Plan(false, 50, 50_000, 10, 20, 20_000, 50_000, 9, 100, 2_000_000);
        }
    }

    /**
     * The pool's share of encode time: the same corpus encoded through each strategy and through one buffer
     * leased once ({@link SingleBufferPool}).
     *
     * @param capacity               the pools' capacity
     * @param baselineNanosPerMessage nanoseconds per message through the single buffer, fastest round
     * @param strategies             one entry per strategy
     */
    record Share(int capacity, double baselineNanosPerMessage, List<ShareRow> strategies) {
    }

    /**
     * @param strategy        the strategy
     * @param nanosPerMessage nanoseconds per message through this strategy's pool, fastest round
     * @param poolShare       {@code (nanosPerMessage - baseline) / nanosPerMessage}: everything the pool changes,
     *                        its calls and their side effects (allocation, inlining); negative when the difference
     *                        is below the noise
     * @param callNanos       nanoseconds per message spent inside the pool's acquire and release, from the timed
     *                        calls of the corpus run at the same capacity
     * @param callShare       {@code callNanos / nanosPerMessage}: the pool's calls alone
     */
    record ShareRow(String strategy, double nanosPerMessage, double poolShare, double callNanos, double callShare) {
    }

    /**
     * @param strategy    the strategy
     * @param outputBytes stream bytes for one pass over the corpus
     * @param ratio       output bytes over the corpus's UTF-8 bytes
     * @param sha256      SHA-256 of the pass's streams, each prefixed by its 4-byte length
     * @param identical   whether the digest equals the baseline's at every capacity
     */
    record Compression(String strategy, long outputBytes, double ratio, String sha256, boolean identical) {
    }
}
