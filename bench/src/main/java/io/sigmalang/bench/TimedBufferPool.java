package io.sigmalang.bench;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A decorator that times every {@link #acquire()} and every release of the pool it wraps, so the report can
 * see the pool's calls while the encoder drives them.
 *
 * <p>Each call is one timed region of two {@link System#nanoTime()} reads; the report subtracts the measured
 * cost of an empty region ({@link TimerCalibration}). A region longer than {@link TimerCalibration#SLOW_REGION_NANOS}
 * is counted apart and left out of the averages: on a shared machine it is the thread being descheduled, not the
 * pool (the corpus workload never overflows, so no acquire legitimately takes that long). The lease wrappers are
 * reused, so timing allocates nothing once warm. For one thread only: the counters are plain fields.
 */
final class TimedBufferPool implements BufferPool {
    private final BufferPool delegate;
    private final ArrayDeque<TimedLease> spareLeases = new ArrayDeque<>();
    private long acquireCalls;
    private long acquireNanos;
    private long releaseCalls;
    private long releaseNanos;
    private long slowRegions;

    TimedBufferPool(BufferPool delegate) {
        this.delegate = delegate;
    }

    @Override
    public BufferLease acquire() {
        long start = System.nanoTime();
        BufferLease inner = delegate.acquire();
        long end = System.nanoTime();
        if (end - start > TimerCalibration.SLOW_REGION_NANOS) {
            slowRegions++;
        } else {
            acquireNanos += end - start;
            acquireCalls++;
        }
        TimedLease lease = spareLeases.poll();
        if (lease == null) {
            lease = new TimedLease();
        }
        lease.inner = inner;
        return lease;
    }

    @Override
    public int bufferSize() {
        return delegate.bufferSize();
    }

    @Override
    public PoolStats stats() {
        return delegate.stats();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Timed regions left out of the averages because they took longer than a pool call can. */
    long slowRegions() {
        return slowRegions;
    }

    /** Acquires counted in {@link #acquireNanos()}. */
    long acquireCalls() {
        return acquireCalls;
    }

    long acquireNanos() {
        return acquireNanos;
    }

    /** Releases counted in {@link #releaseNanos()}. */
    long releaseCalls() {
        return releaseCalls;
    }

    long releaseNanos() {
        return releaseNanos;
    }

    private final class TimedLease implements BufferLease {
        BufferLease inner;

        @Override
        public ByteBuffer buffer() {
            if (inner == null) {
                throw new IllegalStateException("lease of pool " + delegate.name() + " was already released");
            }
            return inner.buffer();
        }

        @Override
        public void close() {
            BufferLease released = inner;
            if (released == null) {
                throw new IllegalStateException("lease of pool " + delegate.name() + " was already released");
            }
            inner = null;
            long start = System.nanoTime();
            released.close();
            long end = System.nanoTime();
            if (end - start > TimerCalibration.SLOW_REGION_NANOS) {
                slowRegions++;
            } else {
                releaseNanos += end - start;
                releaseCalls++;
            }
            spareLeases.push(this);
        }
    }
}
