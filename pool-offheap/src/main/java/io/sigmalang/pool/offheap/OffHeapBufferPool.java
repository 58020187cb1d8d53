package io.sigmalang.pool.offheap;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.engine.BufferSlots;
import io.sigmalang.domain.pool.PoolChecks;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.domain.pool.PoolStats;
import java.lang.foreign.MemorySegment;

/**
 * A pool of buffers in native memory (FFM API: a shared {@link java.lang.foreign.Arena}), handed out as direct
 * {@code ByteBuffer}s; all allocated up front, fixed capacity (32 buffers of 4,096 bytes by default).
 *
 * <p>Choose it for large or many buffers that the garbage collector should not see: the Java heap holds only
 * a small object per buffer, whatever the buffer size, and a direct buffer is what channels write from without
 * a copy. {@link #close()} frees the native memory at once (no waiting for a collection); afterwards any access
 * through a lease, or through a buffer obtained from one, throws {@link IllegalStateException} rather than
 * reading freed memory. Overflow buffers are native too, carved from slabs of a few arenas and recycled: up to
 * twice the capacity in free overflow buffers is kept for reuse, the rest freed as whole slabs empty
 * ({@link OverflowSlabs}); all of it is freed at close.
 *
 * <p>Released buffers are not zeroed unless {@link OffHeapSettings#zeroOnRelease()} says so.
 */
public final class OffHeapBufferPool implements BufferPool {
    /** The pool's name in messages and stats. */
    public static final String NAME = "offheap";
    /** Free overflow buffers kept for reuse, per buffer of capacity (see {@link OverflowSlabs}). */
    static final int RETAINED_OVERFLOW_PER_BUFFER = 2;

    private final NativeMemory memory;
    private final BufferSlots slots;

    /** 32 buffers of 4,096 bytes, not zeroed on release, no bound, no leak tracking. */
    public OffHeapBufferPool() {
        this(OffHeapSettings.defaults());
    }

    /** The given common settings, buffers not zeroed on release. */
    public OffHeapBufferPool(PoolSettings settings) {
        this(OffHeapSettings.defaults().withPool(settings));
    }

    public OffHeapBufferPool(OffHeapSettings settings) {
        PoolChecks.notNull("settings", settings);
        PoolSettings pool = settings.pool();
        this.memory = new NativeMemory(pool.bufferSize(), RETAINED_OVERFLOW_PER_BUFFER * pool.capacity(),
                settings.zeroOnRelease());
        this.slots = new BufferSlots(NAME, settings.pool(), memory,
                BufferSlots.Shape.fixed(settings.pool().capacity()));
    }

    @Override
    public BufferLease acquire() {
        return slots.acquire();
    }

    /**
     * The native segment behind a live lease of this pool: the same bytes as {@code lease.buffer()}, for code
     * that works with the FFM API.
     *
     * @throws IllegalArgumentException when the lease is not from this pool
     * @throws IllegalStateException    when the lease was released or the pool closed
     */
    public MemorySegment segment(BufferLease lease) {
        return ((NativeMemory.NativeBlock) slots.handleOf(lease)).segment();
    }

    /** Bytes of native memory this pool has allocated and not freed, overflow slabs included (0 once closed). */
    public long nativeBytes() {
        return memory.nativeBytes();
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

    /** Frees all native memory now; any later access through a lease or its buffer throws. */
    @Override
    public void close() {
        slots.close();
    }

    @Override
    public String toString() {
        return "OffHeapBufferPool[" + slots.capacity() + " × " + slots.bufferSize() + " bytes, native]";
    }
}
