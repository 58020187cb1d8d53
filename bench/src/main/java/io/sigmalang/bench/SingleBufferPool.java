package io.sigmalang.bench;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import java.nio.ByteBuffer;

/**
 * The baseline the pool's share of encode time is measured against: a "pool" that hands out one buffer,
 * allocated once, through one reusable lease, so acquiring costs a flag check and a {@code clear()}.
 *
 * <p>An encoder with the Σ-bank or the delta on holds its context window's buffer (two while the window spans a
 * buffer boundary) besides the buffer its stream is written in, so the baseline for it holds a few such buffers
 * ({@link #SingleBufferPool(int, int)}), each with its own reusable lease: acquiring then scans them for a free
 * one. With one buffer, acquiring while it is on loan throws, as does any use of a released lease; with more,
 * acquiring when all are on loan throws. Meant for one thread: the statistics are plain counters, consistent
 * only when read from the thread that uses the pool.
 */
public final class SingleBufferPool implements BufferPool {
    private final int bufferSize;
    private final Lease[] leases;
    private boolean closed;
    private long acquires;
    private long releases;
    private long peakOutstanding;

    /** A pool of one heap buffer of {@code bufferSize} bytes. */
    public SingleBufferPool(int bufferSize) {
        this(bufferSize, 1);
    }

    /** A pool of {@code buffers} heap buffers of {@code bufferSize} bytes, each with its own reusable lease. */
    public SingleBufferPool(int bufferSize, int buffers) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize " + bufferSize + " must be at least 1");
        }
        if (buffers < 1) {
            throw new IllegalArgumentException("buffers " + buffers + " must be at least 1");
        }
        this.bufferSize = bufferSize;
        this.leases = new Lease[buffers];
        for (int i = 0; i < buffers; i++) {
            leases[i] = new Lease(ByteBuffer.allocate(bufferSize));
        }
    }

    @Override
    public BufferLease acquire() {
        if (closed) {
            throw new IllegalStateException("pool single is closed");
        }
        for (Lease lease : leases) {
            if (!lease.leased) {
                lease.leased = true;
                acquires++;
                peakOutstanding = Math.max(peakOutstanding, acquires - releases);
                lease.buffer.clear();
                return lease;
            }
        }
        throw new IllegalStateException(leases.length == 1 ? "pool single has one buffer and it is already leased"
                : "pool single has " + leases.length + " buffers and all are leased");
    }

    @Override
    public int bufferSize() {
        return bufferSize;
    }

    @Override
    public PoolStats stats() {
        long outstanding = acquires - releases;
        long held = (long) leases.length * bufferSize;
        return new PoolStats(name(), leases.length, bufferSize, closed ? 0 : (int) (leases.length - outstanding),
                outstanding, peakOutstanding, acquires, releases, 0, 0, closed ? 0 : held, held, 0);
    }

    @Override
    public String name() {
        return "single";
    }

    @Override
    public void close() {
        closed = true;
    }

    private final class Lease implements BufferLease {
        private final ByteBuffer buffer;
        private boolean leased;

        Lease(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer buffer() {
            if (!leased) {
                throw new IllegalStateException("lease of pool single was already released");
            }
            return buffer;
        }

        @Override
        public void close() {
            if (!leased) {
                throw new IllegalStateException("lease of pool single was already released");
            }
            leased = false;
            releases++;
        }
    }
}
