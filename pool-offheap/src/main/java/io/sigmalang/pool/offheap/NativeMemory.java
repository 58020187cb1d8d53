package io.sigmalang.pool.offheap;

import io.sigmalang.domain.pool.engine.BufferMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Native memory through the FFM API. Pooled buffers are segments of one shared arena, freed together, at once,
 * when the pool closes. Overflow buffers come from {@link OverflowSlabs}: slabs of buffers, each slab a shared
 * arena of its own, recycled and bounded, all closed with the pool. A direct buffer made from a segment
 * ({@link MemorySegment#asByteBuffer()}) checks its arena on every access, so using it after its arena closed
 * throws {@link IllegalStateException} instead of touching freed memory.
 *
 * <p>A pooled segment cannot be freed alone: one the pool lets go of (a leaked lease's) stays allocated until
 * close, and {@link #nativeBytes()} still counts it.
 */
final class NativeMemory implements BufferMemory {
    /** Segments start on a cache line, so two buffers never share one. */
    static final long ALIGNMENT = 64;

    /**
     * A buffer's segment; for an overflow buffer also its slab and place in it (a pooled one has none).
     *
     * @param buffer the buffer over the segment, made once and lent with every lease of it
     */
    record NativeBlock(MemorySegment segment, OverflowSlabs.Slab slab, int index, ByteBuffer buffer) {
    }

    private final Arena arena = Arena.ofShared();
    private final boolean zeroOnRelease;
    private final AtomicLong nativeBytes = new AtomicLong();
    private final OverflowSlabs overflow;

    /**
     * @param bufferSize      the pool's buffer size (every overflow buffer has it)
     * @param retainOverflow  free overflow buffers kept for reuse at most
     * @param zeroOnRelease   whether released buffers are zeroed
     */
    NativeMemory(int bufferSize, int retainOverflow, boolean zeroOnRelease) {
        this.zeroOnRelease = zeroOnRelease;
        this.overflow = new OverflowSlabs(bufferSize, retainOverflow, zeroOnRelease, nativeBytes);
    }

    @Override
    public Block allocate(int bytes, Use use) {
        if (use == Use.POOLED) {
            MemorySegment segment = arena.allocate(bytes, ALIGNMENT);
            nativeBytes.addAndGet(bytes);
            ByteBuffer buffer = segment.asByteBuffer();
            return new Block(buffer, new NativeBlock(segment, null, -1, buffer));
        }
        NativeBlock block = overflow.lend();
        return new Block(block.buffer(), block);
    }

    @Override
    public void free(ByteBuffer buffer, Object handle, Use use) {
        NativeBlock block = (NativeBlock) handle;
        if (block.slab() != null) {
            overflow.giveBack(block);
        }
    }

    @Override
    public void retire(ByteBuffer buffer, Object handle, Use use) {
        NativeBlock block = (NativeBlock) handle;
        if (block.slab() != null) {
            overflow.retire(block);
        }
    }

    @Override
    public boolean wipesOnRelease() {
        return zeroOnRelease;
    }

    @Override
    public void wipe(ByteBuffer buffer, Object handle) {
        ((NativeBlock) handle).segment().fill((byte) 0);
    }

    @Override
    public void close() {
        arena.close();
        overflow.close();
        nativeBytes.set(0);
    }

    /** Bytes of native memory allocated and not yet freed, overflow slabs included. */
    long nativeBytes() {
        return nativeBytes.get();
    }

    /** The overflow memory, for tests. */
    OverflowSlabs overflow() {
        return overflow;
    }

    @Override
    public String toString() {
        return "native memory (FFM, shared arena, overflow in slabs of " + overflow.perSlab()
                + (zeroOnRelease ? ", zeroed on release)" : ")");
    }
}
