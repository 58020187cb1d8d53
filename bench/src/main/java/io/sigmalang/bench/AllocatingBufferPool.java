package io.sigmalang.bench;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline a pool must beat in the batch benchmark: no pool at all, a new heap buffer for every acquire
 * (what an encoder without a pool would allocate per message), thread-safe, with the exactly-once release
 * check. Nothing is retained.
 */
public final class AllocatingBufferPool implements BufferPool {
    private final int bufferSize;
    private final AtomicLong acquires = new AtomicLong();
    private final AtomicLong releases = new AtomicLong();

    public AllocatingBufferPool(int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize " + bufferSize + " must be at least 1");
        }
        this.bufferSize = bufferSize;
    }

    @Override
    public BufferLease acquire() {
        acquires.incrementAndGet();
        ByteBuffer buffer = ByteBuffer.allocate(bufferSize);
        return new BufferLease() {
            private boolean released;

            @Override
            public ByteBuffer buffer() {
                if (released) {
                    throw new IllegalStateException("lease of pool allocating was already released");
                }
                return buffer;
            }

            @Override
            public void close() {
                if (released) {
                    throw new IllegalStateException("lease of pool allocating released twice");
                }
                released = true;
                releases.incrementAndGet();
            }
        };
    }

    @Override
    public int bufferSize() {
        return bufferSize;
    }

    @Override
    public PoolStats stats() {
        long a = acquires.get();
        long r = releases.get();
        return new PoolStats(name(), 0, bufferSize, 0, a - r, 0, a, r, a, 0, 0, 0, 0);
    }

    @Override
    public String name() {
        return "allocating";
    }

    @Override
    public void close() {
    }
}
