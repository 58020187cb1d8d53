package io.sigmalang.pool.offheap;

import io.sigmalang.domain.pool.engine.BufferMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Native memory through the FFM API. Pooled buffers are segments of one shared arena, freed together, at once,
 * when the pool closes; each overflow buffer has a shared arena of its own, closed when it is released. A
 * direct buffer made from a segment ({@link MemorySegment#asByteBuffer()}) checks its arena on every access,
 * so using it after its arena closed throws {@link IllegalStateException} instead of touching freed memory.
 *
 * <p>A pooled segment cannot be freed alone: one the pool lets go of (a leaked lease's) stays allocated until
 * close, and {@link #nativeBytes()} still counts it.
 */
final class NativeMemory implements BufferMemory {
    /** Segments start on a cache line, so two buffers never share one. */
    static final long ALIGNMENT = 64;

    /** A buffer's segment, and the arena to close for an overflow buffer (null for a pooled one). */
    record NativeBlock(MemorySegment segment, Arena ownArena) {
    }

    private final Arena arena = Arena.ofShared();
    private final boolean zeroOnRelease;
    private final AtomicLong nativeBytes = new AtomicLong();
    private final Set<Arena> overflowArenas = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    NativeMemory(boolean zeroOnRelease) {
        this.zeroOnRelease = zeroOnRelease;
    }

    @Override
    public Block allocate(int bytes, Use use) {
        if (use == Use.POOLED) {
            MemorySegment segment = arena.allocate(bytes, ALIGNMENT);
            nativeBytes.addAndGet(bytes);
            return new Block(segment.asByteBuffer(), new NativeBlock(segment, null));
        }
        Arena own = Arena.ofShared();
        MemorySegment segment;
        try {
            segment = own.allocate(bytes, ALIGNMENT);
        } catch (RuntimeException | Error e) {
            own.close();
            throw e;
        }
        nativeBytes.addAndGet(bytes);
        overflowArenas.add(own);
        if (closed && overflowArenas.remove(own)) {
            own.close();
            nativeBytes.addAndGet(-bytes);
            throw new IllegalStateException("the off-heap pool's memory is closed");
        }
        return new Block(segment.asByteBuffer(), new NativeBlock(segment, own));
    }

    @Override
    public void free(ByteBuffer buffer, Object handle, Use use) {
        Arena own = ((NativeBlock) handle).ownArena();
        if (own != null && overflowArenas.remove(own)) {
            own.close();
            nativeBytes.addAndGet(-buffer.capacity());
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
        closed = true;
        arena.close();
        for (Arena own : overflowArenas) {
            if (overflowArenas.remove(own)) {
                own.close();
            }
        }
        nativeBytes.set(0);
    }

    /** Bytes of native memory allocated and not yet freed. */
    long nativeBytes() {
        return nativeBytes.get();
    }

    @Override
    public String toString() {
        return "native memory (FFM, shared arena" + (zeroOnRelease ? ", zeroed on release)" : ")");
    }
}
