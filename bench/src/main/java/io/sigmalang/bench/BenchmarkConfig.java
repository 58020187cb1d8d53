package io.sigmalang.bench;

import io.sigmalang.domain.pool.BufferPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The one JMH configuration every benchmark of this module extends, so all figures of a run are taken the
 * same way and can be compared with each other.
 *
 * <p>Each fork gets a fixed, pre-touched 2 GiB heap: heap sizing and first-touch page faults then stay out of
 * the measured loops, and a GC is a GC of the benchmark's own garbage. The iteration counts are modest because
 * the reference machine has two cores shared with builds; the command line ({@code -f -wi -w -i -r}) overrides
 * them for a longer run.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class BenchmarkConfig {

    /** Bytes of every buffer the pool benchmarks lease. */
    public static final int BUFFER_SIZE = 4096;

    /** Bytes written into each leased buffer before it goes back. */
    public static final int WRITE_SIZE = 64;

    protected BenchmarkConfig() {
    }

    /**
     * Buffers of the {@code single} baseline: an encoder with the default settings holds its context window's
     * buffer (two while the window spans a boundary) and its stream's at once; four leave room for both.
     */
    static final int BASELINE_BUFFERS = 4;

    /**
     * The pool an encode benchmark stages its streams in: {@code single} for one buffer leased once
     * ({@link SingleBufferPool}), otherwise a strategy's label, at {@value PoolBenchmark#POOL_CAPACITY} buffers.
     */
    static BufferPool encoderPool(String name) {
        return name.equals("single") ? new SingleBufferPool(BUFFER_SIZE, BASELINE_BUFFERS)
                : PoolStrategy.byLabel(name).create(PoolBenchmark.POOL_CAPACITY, BUFFER_SIZE);
    }

    /** The 64 bytes each pool benchmark writes, the same array for every strategy. */
    static byte[] payload() {
        byte[] bytes = new byte[WRITE_SIZE];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (31 * i + 7);
        }
        return bytes;
    }
}
