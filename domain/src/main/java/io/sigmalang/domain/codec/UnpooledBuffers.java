package io.sigmalang.domain.codec;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import java.nio.ByteBuffer;

/**
 * The window buffers of a decoder built without a pool: a new heap buffer for every lease, nothing kept, so
 * a released buffer is left to the garbage collector. Counts its leases like a pool (every one an overflow
 * allocation: it retains nothing), checks that each is released once, and is used by one decoder only.
 */
final class UnpooledBuffers implements BufferPool {
    private final int bufferSize;
    private long acquires;
    private long releases;
    private long peakOutstanding;
    private boolean closed;

    UnpooledBuffers(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    @Override
    public BufferLease acquire() {
        if (closed) {
            throw new IllegalStateException("pool 'unpooled' is closed");
        }
        ByteBuffer buffer = ByteBuffer.allocate(bufferSize);
        acquires++;
        peakOutstanding = Math.max(peakOutstanding, acquires - releases);
        return new BufferLease() {
            private boolean released;

            @Override
            public ByteBuffer buffer() {
                if (released) {
                    throw new IllegalStateException("lease of pool 'unpooled' already released");
                }
                return buffer;
            }

            @Override
            public void close() {
                if (released) {
                    throw new IllegalStateException("lease of pool 'unpooled' released twice");
                }
                released = true;
                releases++;
            }
        };
    }

    @Override
    public int bufferSize() {
        return bufferSize;
    }

    @Override
    public PoolStats stats() {
        return new PoolStats(name(), 0, bufferSize, 0, acquires - releases, peakOutstanding, acquires, releases,
                acquires, 0, 0, 0, 0);
    }

    @Override
    public String name() {
        return "unpooled";
    }

    @Override
    public void close() {
        closed = true;
    }
}
