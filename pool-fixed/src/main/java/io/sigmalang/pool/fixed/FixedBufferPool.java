package io.sigmalang.pool.fixed;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.engine.BufferMemory;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.engine.BufferSlots;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.domain.pool.PoolStats;

/**
 * A pool of heap buffers, all allocated when it is built, whose capacity never changes: the baseline every
 * pool report compares against (32 buffers of 4,096 bytes by default).
 *
 * <p>Choose it when the peak number of buffers in use at once is known and steady: it never allocates after
 * construction (except overflow buffers beyond its capacity, which are counted and dropped on release), and
 * its memory is predictable, {@code capacity × bufferSize} bytes from start to close.
 *
 * <p>All the machinery (striped lock-free free lists, the generation-stamped lease state machine, stats,
 * bound policy, leak detection) is {@link BufferSlots}'; this class chooses heap memory and a fixed,
 * preallocated shape.
 */
public final class FixedBufferPool implements BufferPool {
    /** The pool's name in messages and stats. */
    public static final String NAME = "fixed";

    private final BufferSlots slots;

    /** 32 buffers of 4,096 bytes, no bound, no leak tracking. */
    public FixedBufferPool() {
        this(PoolSettings.defaults());
    }

    /** {@code capacity} buffers of {@code bufferSize} bytes, with the other settings at their defaults. */
    public FixedBufferPool(int capacity, int bufferSize) {
        this(PoolSettings.defaults().withCapacity(capacity).withBufferSize(bufferSize));
    }

    /**
     * @throws IllegalArgumentException when a bound is set below {@code capacity × bufferSize}
     */
    public FixedBufferPool(PoolSettings settings) {
        this.slots = new BufferSlots(NAME, settings, BufferMemory.heap(), BufferSlots.Shape.fixed(settings.capacity()));
    }

    @Override
    public BufferLease acquire() {
        return slots.acquire();
    }

    @Override
    public int bufferSize() {
        return slots.bufferSize();
    }

    @Override
    public PoolStats stats() {
        return slots.stats();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void close() {
        slots.close();
    }

    @Override
    public String toString() {
        return "FixedBufferPool[" + slots.capacity() + " × " + slots.bufferSize() + " bytes]";
    }
}
