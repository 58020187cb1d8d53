package io.sigmalang.domain.testing;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simplest honest pool for tests: a new heap buffer per lease, counted, with the exactly-once release
 * check. Not a pooling strategy; it exists so domain tests do not depend on the pool modules.
 */
public final class HeapTestPool implements BufferPool {
    private final int bufferSize;
    private final AtomicLong acquires = new AtomicLong();
    private final AtomicLong releases = new AtomicLong();
    private volatile boolean closed;

    public HeapTestPool(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    @Override
    public BufferLease acquire() {
        if (closed) {
            throw new IllegalStateException("pool 'heap-test' is closed");
        }
        acquires.incrementAndGet();
        ByteBuffer buffer = ByteBuffer.allocate(bufferSize);
        return new BufferLease() {
            private boolean released;

            @Override
            public ByteBuffer buffer() {
                if (released) {
                    throw new IllegalStateException("lease of pool 'heap-test' already released");
                }
                return buffer;
            }

            @Override
            public void close() {
                if (released) {
                    throw new IllegalStateException("lease of pool 'heap-test' released twice");
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

    public long outstanding() {
        return acquires.get() - releases.get();
    }

    public long acquires() {
        return acquires.get();
    }

    @Override
    public PoolStats stats() {
        long a = acquires.get();
        long r = releases.get();
        return new PoolStats("heap-test", 0, bufferSize, 0, a - r, a - r, a, r, a, 0, 0, 0, 0);
    }

    @Override
    public String name() {
        return "heap-test";
    }

    @Override
    public void close() {
        closed = true;
    }
}
