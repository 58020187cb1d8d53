package io.sigmalang.bench;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The simplest thread-safe pool one would write by hand: an {@link ArrayDeque} of heap buffers behind one
 * lock, allocating when empty and keeping at most {@code capacity} returned buffers. A baseline for the pool
 * benchmarks, not a {@link io.sigmalang.domain.pool.BufferPool}: it has no lease, no double-release check and
 * no statistics.
 */
public final class SynchronizedDequePool {
    private final ArrayDeque<ByteBuffer> free;
    private final int capacity;
    private final int bufferSize;

    /** A pool keeping at most {@code capacity} free buffers of {@code bufferSize} bytes, all allocated now. */
    public SynchronizedDequePool(int capacity, int bufferSize) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " must be at least 1");
        }
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize " + bufferSize + " must be at least 1");
        }
        this.capacity = capacity;
        this.bufferSize = bufferSize;
        this.free = new ArrayDeque<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.push(ByteBuffer.allocate(bufferSize));
        }
    }

    /** A cleared buffer: a free one when there is one, otherwise a new one. */
    public ByteBuffer acquire() {
        ByteBuffer buffer;
        synchronized (this) {
            buffer = free.poll();
        }
        return buffer != null ? buffer.clear() : ByteBuffer.allocate(bufferSize);
    }

    /** Takes a buffer back, or drops it when {@code capacity} buffers are already free. */
    public void release(ByteBuffer buffer) {
        synchronized (this) {
            if (free.size() < capacity) {
                free.push(buffer);
            }
        }
    }

    /** Buffers free in the pool now. */
    public synchronized int available() {
        return free.size();
    }
}
