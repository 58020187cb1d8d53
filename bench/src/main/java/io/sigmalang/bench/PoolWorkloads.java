package io.sigmalang.bench;

import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The workloads the report runs against each pool, on the calling thread.
 *
 * <p><b>How the figures are taken.</b> Each run first warms the JIT on a throw-away pool of the same strategy and
 * capacity, then builds a fresh pool, collects garbage, resets the heap pools' peaks and runs the measured
 * workload; the pool's own counters ({@link PoolStats}) are read at the end, before the pool is closed, so
 * retained bytes, overflows, resizes and outstanding leases are the pool's account of exactly that run. Call
 * times are averages of timed regions with the measured cost of an empty region subtracted: under the encoder
 * each call is its own region (the encoder decides when it acquires and releases), and a region over 100 µs is
 * the thread descheduled, counted apart; in a burst the {@code n} acquires are one region and the {@code n}
 * releases another, which keeps the timer's cost out of the figure.
 */
final class PoolWorkloads {
    private static final byte[] PAYLOAD = BenchmarkConfig.payload();

    private final BiFunction<BufferPool, EncoderSettings, Encoder> encoders;
    private final EncoderSettings settings;
    private final List<SemanticTree> trees;
    private final int bufferSize;
    private final double timerNanos;
    private final HeapGauge gauge = new HeapGauge();
    private final ByteBuffer lengthPrefix = ByteBuffer.allocate(Integer.BYTES);

    PoolWorkloads(BiFunction<BufferPool, EncoderSettings, Encoder> encoders, EncoderSettings settings,
            List<SemanticTree> trees, int bufferSize, double timerNanos) {
        this.encoders = encoders;
        this.settings = settings;
        this.trees = trees;
        this.bufferSize = bufferSize;
        this.timerNanos = timerNanos;
    }

    /**
     * Runs every code path the measurements use, before any of them, so that the first strategy measured is not
     * the one that pays for compiling the encoder: corpus passes through each pool, bursts on each strategy.
     */
    void warmUp(List<PoolStrategy> strategies, int passes, int rounds) {
        try (BufferPool single = new SingleBufferPool(bufferSize, BenchmarkConfig.BASELINE_BUFFERS)) {
            for (int pass = 0; pass < passes; pass++) {
                encodePass(single, null);
            }
        }
        BurstPattern pattern = BurstPattern.of(rounds, 1);
        for (PoolStrategy strategy : strategies) {
            try (BufferPool pool = strategy.create(PoolReport.CAPACITIES.getLast(), bufferSize)) {
                TimedBufferPool timed = new TimedBufferPool(pool);
                for (int pass = 0; pass < passes; pass++) {
                    encodePass(timed, null);
                }
                playBursts(pool, pattern.sizes(), null);
            }
        }
    }

    /** The streams of one pass over the corpus: their SHA-256 (each stream prefixed by its length) and size. */
    record CorpusOutput(String sha256, long bytes) {
    }

    /** A corpus run: its row of the sweep and what the encoder wrote. */
    record CorpusRun(SweepRow row, CorpusOutput output) {
    }

    /**
     * Encodes the corpus {@code passes} times through a pool of {@code strategy}, one fresh encoder (one
     * conversation) per pass, timing every acquire and release the encoder makes.
     */
    CorpusRun corpus(PoolStrategy strategy, int capacity, int warmupPasses, int passes) {
        try (BufferPool warm = strategy.create(capacity, bufferSize)) {
            TimedBufferPool timed = new TimedBufferPool(warm);
            for (int pass = 0; pass < warmupPasses; pass++) {
                encodePass(timed, null);
            }
        }
        BufferPool pool = strategy.create(capacity, bufferSize);
        try {
            TimedBufferPool timed = new TimedBufferPool(pool);
            gauge.resetPeaks();
            MessageDigest digest = sha256();
            long outputBytes = 0;
            for (int pass = 0; pass < passes; pass++) {
                long written = encodePass(timed, pass == 0 ? digest : null);
                if (pass == 0) {
                    outputBytes = written;
                }
            }
            long peakHeap = gauge.peakHeapUsed();
            PoolStats stats = pool.stats();
            SweepRow row = row("corpus", strategy, capacity, stats, timed.acquireCalls(), timed.acquireNanos(),
                    timed.acquireCalls(), timed.releaseCalls(), timed.releaseNanos(), timed.releaseCalls(), peakHeap,
                    timed.slowRegions());
            return new CorpusRun(row, new CorpusOutput(HexFormat.of().formatHex(digest.digest()), outputBytes));
        } finally {
            pool.close();
        }
    }

    /** One pass of the corpus through a new encoder on {@code pool}; returns the stream bytes written. */
    long encodePass(BufferPool pool, MessageDigest digest) {
        long written = 0;
        // Closed after the pass: an open encoder holds its context window's buffers.
        try (Encoder encoder = encoders.apply(pool, settings)) {
            for (SemanticTree tree : trees) {
                byte[] stream = encoder.encode(tree);
                written += stream.length;
                if (digest != null) {
                    lengthPrefix.putInt(0, stream.length);
                    digest.update(lengthPrefix.array());
                    digest.update(stream);
                }
            }
        }
        return written;
    }

    /** What one pass over the corpus writes through {@code pool}, for the byte-identity check. */
    CorpusOutput output(BufferPool pool) {
        MessageDigest digest = sha256();
        long written = encodePass(pool, digest);
        return new CorpusOutput(HexFormat.of().formatHex(digest.digest()), written);
    }

    /** Plays {@code pattern} against a pool of {@code strategy}: each round holds n leases at once, then frees them. */
    SweepRow burst(PoolStrategy strategy, int capacity, BurstPattern warmup, BurstPattern pattern) {
        try (BufferPool warm = strategy.create(capacity, bufferSize)) {
            playBursts(warm, warmup.sizes(), null);
        }
        BufferPool pool = strategy.create(capacity, bufferSize);
        try {
            gauge.resetPeaks();
            long[] totals = new long[4];
            playBursts(pool, pattern.sizes(), totals);
            long peakHeap = gauge.peakHeapUsed();
            PoolStats stats = pool.stats();
            return row("burst", strategy, capacity, stats, totals[0], totals[1], totals[2], totals[0], totals[3],
                    totals[2], peakHeap, 0);
        } finally {
            pool.close();
        }
    }

    /**
     * Plays the bursts; when {@code totals} is given, fills it with acquires, acquire nanoseconds, timed regions
     * (one per burst for the acquires, one for the releases) and release nanoseconds.
     */
    private void playBursts(BufferPool pool, int[] sizes, long[] totals) {
        BufferLease[] held = new BufferLease[BurstPattern.MAX_BURST];
        long acquires = 0;
        long acquireNanos = 0;
        long releaseNanos = 0;
        for (int n : sizes) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                held[i] = pool.acquire();
            }
            long acquired = System.nanoTime();
            for (int i = 0; i < n; i++) {
                held[i].buffer().put(PAYLOAD);
            }
            long releaseStart = System.nanoTime();
            for (int i = 0; i < n; i++) {
                held[i].close();
            }
            long released = System.nanoTime();
            for (int i = 0; i < n; i++) {
                held[i] = null;
            }
            acquires += n;
            acquireNanos += acquired - start;
            releaseNanos += released - releaseStart;
        }
        if (totals != null) {
            totals[0] = acquires;
            totals[1] = acquireNanos;
            totals[2] = sizes.length;
            totals[3] = releaseNanos;
        }
    }

    /**
     * Nanoseconds {@code passes} passes over the corpus take through {@code pool} (no timing inside the pool):
     * the basis of the pool's share of encode time.
     */
    long encodeNanos(BufferPool pool, int passes) {
        long start = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            encodePass(pool, null);
        }
        return System.nanoTime() - start;
    }

    /**
     * A row of the sweep. The totals cover {@code acquires} timed acquires in {@code acquireRegions} timed regions
     * and {@code releases} releases in {@code releaseRegions} regions: the timer's cost is taken off once per
     * region, and the averages are per call.
     */
    private SweepRow row(String workload, PoolStrategy strategy, int capacity, PoolStats stats, long acquires,
            long acquireNanos, long acquireRegions, long releases, long releaseNanos, long releaseRegions,
            long peakHeap, long slowRegions) {
        double rawAcquire = acquires == 0 ? 0 : (double) acquireNanos / acquires;
        double rawRelease = releases == 0 ? 0 : (double) releaseNanos / releases;
        double acquire = acquires == 0 ? 0 : (acquireNanos - timerNanos * acquireRegions) / acquires;
        double release = releases == 0 ? 0 : (releaseNanos - timerNanos * releaseRegions) / releases;
        double efficiency = stats.acquires() == 0 ? 0 : 1.0 - stats.overflowRate();
        return new SweepRow(workload, strategy.label(), capacity, stats.acquires(), acquire, release, rawAcquire,
                rawRelease, stats.retainedBytes(), stats.peakRetainedBytes(), peakHeap, efficiency,
                stats.overflowRate(), stats.overflowAllocations(), stats.resizes(), stats.outstanding(), slowRegions);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
