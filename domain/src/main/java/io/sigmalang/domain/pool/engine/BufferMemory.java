package io.sigmalang.domain.pool.engine;

import io.sigmalang.domain.pool.PoolChecks;
import java.nio.ByteBuffer;

/**
 * Where a pool's buffers live: the one thing that differs between the heap pools and the off-heap pool.
 * {@link BufferSlots} calls it only off the fast path (creating, dropping, wiping, closing), never per lease.
 *
 * <p>Implementations are thread-safe. {@link #free} and {@link #close} may race (a lease released while its
 * pool closes): freeing a block whose memory {@link #close} already freed must do nothing.
 */
public interface BufferMemory {

    /** What a block is for. */
    enum Use {
        /** Kept by the pool and lent again and again. */
        POOLED,
        /**
         * Lent beyond the pool's capacity and given back on release; the memory may recycle it for a later
         * overflow lease (the off-heap memory does, from slabs) or drop it (the heap).
         */
        OVERFLOW
    }

    /**
     * A buffer and what the memory needs to free it later.
     *
     * @param buffer a buffer of exactly the requested capacity
     * @param handle the memory's own token for the block (a segment, an arena), or {@code null}
     */
    record Block(ByteBuffer buffer, Object handle) {
        public Block {
            PoolChecks.notNull("block buffer", buffer);
        }
    }

    /** Allocates a buffer of exactly {@code bytes} bytes. */
    Block allocate(int bytes, Use use);

    /** Gives back a block the pool has let go of; called at most once per block. */
    void free(ByteBuffer buffer, Object handle, Use use);

    /**
     * Gives back a block whose buffer may still be referenced (its lease leaked, and a {@code ByteBuffer} of
     * it may have been kept): the memory must never lend it again. Called instead of {@link #free}, at most once
     * per block. By default the same as {@link #free}, which suits memory that never recycles blocks.
     */
    default void retire(ByteBuffer buffer, Object handle, Use use) {
        free(buffer, handle, use);
    }

    /** Whether {@link #wipe} is to be called on every release of a pooled buffer. */
    default boolean wipesOnRelease() {
        return false;
    }

    /** Overwrites a released pooled buffer's bytes with zeros (only called when {@link #wipesOnRelease()}). */
    default void wipe(ByteBuffer buffer, Object handle) {
        throw new UnsupportedOperationException("this memory does not wipe buffers");
    }

    /** Frees everything this memory still holds; the pool is closing. */
    void close();

    /** Heap buffers ({@link ByteBuffer#allocate}): freeing is the garbage collector's business. */
    static BufferMemory heap() {
        return HeapMemory.INSTANCE;
    }
}
