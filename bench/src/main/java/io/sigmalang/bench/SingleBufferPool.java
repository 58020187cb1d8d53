package io.sigmalang.bench;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import java.nio.ByteBuffer;

/**
 * The baseline the pool's share of encode time is measured against: a "pool" that hands out one buffer,
 * allocated once, through one reusable lease, so acquiring costs a flag check and a {@code clear()}.
 *
 * <p>It serves one holder at a time and is meant for one thread: acquiring while the buffer is on loan throws,
 * as does any use of a released lease. The statistics are plain counters, consistent only when read from the
 * thread that uses the pool.
 */
public final class SingleBufferPool implements BufferPool {
    private final ByteBuffer buffer;
    private final Lease lease = new Lease();
    private boolean leased;
    private boolean closed;
    private long acquires;
    private long releases;

    /** A pool of one heap buffer of {@code bufferSize} bytes. */
    public SingleBufferPool(int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize " + bufferSize + " must be at least 1");
        }
        this.buffer = ByteBuffer.allocate(bufferSize);
    }

    @Override
    public BufferLease acquire() {
        if (closed) {
            throw new IllegalStateException("pool single is closed");
        }
        if (leased) {
            throw new IllegalStateException("pool single has one buffer and it is already leased");
        }
        leased = true;
        acquires++;
        buffer.clear();
        return lease;
    }

    @Override
    public int bufferSize() {
        return buffer.capacity();
    }

    @Override
    public PoolStats stats() {
        long outstanding = acquires - releases;
        long retained = closed ? 0 : buffer.capacity();
        return new PoolStats(name(), 1, buffer.capacity(), leased || closed ? 0 : 1, outstanding,
                acquires == 0 ? 0 : 1, acquires, releases, 0, 0, retained, buffer.capacity(), 0);
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
