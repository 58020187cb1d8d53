package io.sigmalang.bench;

import java.util.Locale;

/** Renders a {@link ReportResult} as the Markdown of {@code report.md}. */
final class ReportMarkdown {
    private ReportMarkdown() {
    }

    static String render(ReportResult r, String chartFile) {
        StringBuilder md = new StringBuilder();
        md.append("# Buffer pools: capacity sweep, encode share, compression\n\n");
        ReportResult.Machine m = r.machine();
        md.append(String.format(Locale.ROOT, "Measured on %s, %d cores, %.1f GiB, %s (%s), %s.%n%n", m.cpu(),
                m.cores(), m.memoryBytes() / (1024.0 * 1024 * 1024), m.java(), m.vm(), m.os()));
        ReportResult.Plan p = r.plan();
        md.append(String.format(Locale.ROOT,
                "Run: %s, %d ms. Corpus `%s`: %d messages, %,d UTF-8 bytes; encoder settings `%s`; buffers of %,d bytes.%n",
                p.quick() ? "**quick** (few passes, JIT barely warm: figures are rough)" : "full", r.elapsedMillis(),
                r.corpusSource(), r.messages(), r.corpusBytes(), r.settings(), r.bufferSize()));
        md.append(String.format(Locale.ROOT,
                "First, to compile the shared code, %d corpus passes and %,d burst rounds through every strategy. "
                        + "Then each run: %d corpus passes (after %d on a throw-away pool), %,d burst rounds (after "
                        + "%,d). An empty timed region costs %.1f ns here; it is subtracted from every call time, so "
                        + "a call cheaper than the timer's jitter can show a small negative time.%n%n",
                p.jitWarmupPasses(), p.jitWarmupRounds(), p.passes(), p.warmupPasses(), p.burstRounds(),
                p.burstWarmupRounds(), r.timerNanos()));

        md.append("## Capacity sweep\n\n");
        md.append("*corpus*: the corpus encoded one message at a time by one encoder per pass (each acquire and "
                + "release timed on its own). *burst*: a fixed, seeded pattern of rounds that each hold n leases at "
                + "once (80% of rounds n = 1..8, 15% 9..48, 5% 49..160), then release them all.\n\n");
        md.append("Efficiency is the share of acquires served without an overflow allocation. Retained bytes are "
                + "the pool's own `PoolStats` at the end of the run; peak heap is the JVM's heap-pool peaks after a "
                + "GC and peak reset at the start of the run. Corpus call times leave out calls that took over "
                + "100 µs (the thread descheduled; counted in report.json as `slowRegionsExcluded`).\n\n");
        for (String workload : new String[] {"corpus", "burst"}) {
            md.append("### ").append(workload).append("\n\n");
            md.append("| strategy | capacity | acquires | acquire ns | release ns | retained B | peak retained B "
                    + "| peak heap MiB | efficiency | overflow rate | resizes | outstanding |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (SweepRow row : r.rows()) {
                if (!row.workload().equals(workload)) {
                    continue;
                }
                md.append(String.format(Locale.ROOT,
                        "| %s | %d | %,d | %.1f | %.1f | %,d | %,d | %.1f | %.2f%% | %.2f%% | %d | %d |%n",
                        row.strategy(), row.capacity(), row.acquires(), row.acquireNanos(), row.releaseNanos(),
                        row.retainedBytes(), row.peakRetainedBytes(), row.peakHeapUsedBytes() / (1024.0 * 1024),
                        100 * row.efficiency(), 100 * row.overflowRate(), row.resizes(),
                        row.outstanding()));
            }
            md.append('\n');
        }
        md.append("![capacity sweep](").append(chartFile).append(")\n\n");

        ReportResult.Share share = r.share();
        md.append("## Pool share of encode time\n\n");
        md.append(String.format(Locale.ROOT,
                "Two measures. *Whole difference*: the corpus encoded through each strategy (capacity %d) and "
                        + "through one buffer leased once (`SingleBufferPool`), interleaved over %d rounds of %d "
                        + "passes, fastest round per strategy (noise only adds time); share = (strategy - single "
                        + "buffer) / strategy. It counts everything the pool changes, side effects included, and "
                        + "on a busy machine its noise can exceed the pool's cost. *Calls*: the time inside the "
                        + "pool's acquire and release per message, from the timed calls of the corpus run above, "
                        + "over the strategy's time per message.%n%n",
                share.capacity(), r.plan().shareRounds(), r.plan().sharePasses()));
        md.append("| strategy | ns per message | share, whole difference | pool calls, ns per message "
                + "| share, calls |\n|---|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| single buffer | %.1f | - | - | - |%n",
                share.baselineNanosPerMessage()));
        for (ReportResult.ShareRow row : share.strategies()) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f%% | %.1f | %.2f%% |%n", row.strategy(),
                    row.nanosPerMessage(), 100 * row.poolShare(), row.callNanos(), 100 * row.callShare()));
        }
        md.append('\n');

        md.append("## Compression ratio and byte identity\n\n");
        md.append("Output bytes over the corpus's UTF-8 bytes, for one pass. The SHA-256 covers every stream of the "
                + "pass, each prefixed by its 4-byte length; it is checked at every capacity against the "
                + "single-buffer baseline's.\n\n");
        md.append("| strategy | output bytes | ratio | SHA-256 | identical |\n|---|---:|---:|---|---|\n");
        for (ReportResult.Compression row : r.compression()) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.4f | `%s` | %s |%n", row.strategy(),
                    row.outputBytes(), row.ratio(), row.sha256(), row.identical() ? "yes" : "**NO**"));
        }
        md.append(String.format(Locale.ROOT, "%nBaseline (single buffer): `%s`. Bytes identical across strategies: "
                + "**%s**.%n%n", r.baselineSha256(), r.bytesIdentical() ? "yes" : "NO"));

        md.append("## Leases outstanding after the run\n\n");
        md.append(String.format(Locale.ROOT, "%d (summed over every pool of every run; must be 0).%n", r.outstanding()));
        return md.toString();
    }
}
