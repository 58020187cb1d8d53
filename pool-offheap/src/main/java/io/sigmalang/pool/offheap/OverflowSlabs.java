package io.sigmalang.pool.offheap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The off-heap pool's overflow memory: buffers carved from a few slabs, recycled through free lists, bounded,
 * and freed when the pool closes.
 *
 * <h2>Why slabs</h2>
 *
 * <p>Native memory that is freed while other threads may still touch it must be freed by closing a shared
 * {@link Arena}, and closing a shared arena makes the JVM hand-shake every thread (tens of microseconds on this
 * project's machine). One arena per overflow buffer made every overflow release pay that. Here one arena holds a
 * <em>slab</em> of up to {@value #MOST_PER_SLAB} buffers; a released overflow buffer goes back on its slab's free
 * list and is lent again, and an arena is closed only when a whole slab is free and enough other free buffers
 * remain. So most overflow releases are a push under an uncontended lock.
 *
 * <h2>Bounded</h2>
 *
 * <p>Free overflow buffers are kept up to {@code retainFree} (twice the pool's capacity). A release that leaves
 * its slab wholly free closes that slab if at least {@code retainFree} free buffers would remain elsewhere. So
 * the overflow memory not in use is at most {@code retainFree} buffers plus the unused rest of slabs that still
 * have a buffer out. Twice the capacity: a simulation of the pool report's burst load at capacity 16 (slabs of
 * 16) closes a slab about once every 100 releases at twice the capacity and once every 65 at the capacity.
 *
 * <h2>Safety</h2>
 *
 * <p>Memory is freed only by closing an arena, which makes every later access through a buffer or segment of
 * it throw {@link IllegalStateException}: never a use after free. A recycled buffer is like a pooled one: a
 * {@code ByteBuffer} kept after its lease was released reaches the next holder's bytes (the lease itself
 * refuses, by its stamp). A leaked lease's buffer may still be referenced, so it is {@linkplain #retire
 * retired}: never lent again, freed with its slab. Closing the pool closes every slab.
 *
 * <p>The lock guards only the lists and counters; arenas are created and closed outside it. Overflow is the
 * slow path: the fast path of the pool never comes here.
 */
final class OverflowSlabs {
    /** At most this many buffers per slab, so that one buffer out cannot hold much memory. */
    static final int MOST_PER_SLAB = 16;
    /** A slab is at most this many bytes (at least one buffer), so that large buffers get small slabs. */
    static final long MOST_SLAB_BYTES = 256 * 1024;

    /** One arena and its buffers. Fields other than the finals are guarded by the owner's lock. */
    static final class Slab {
        final Arena arena;
        final ByteBuffer[] buffers;
        final NativeMemory.NativeBlock[] blocks;
        final int[] freeList;
        int free;
        int retired;

        Slab(Arena arena, ByteBuffer[] buffers, NativeMemory.NativeBlock[] blocks) {
            this.arena = arena;
            this.buffers = buffers;
            this.blocks = blocks;
            this.freeList = new int[buffers.length];
            for (int i = 0; i < buffers.length; i++) {
                freeList[i] = buffers.length - 1 - i;
            }
            this.free = buffers.length;
        }

        boolean unused() {
            return free + retired == buffers.length;
        }
    }

    private final int bufferSize;
    private final long stride;
    private final int perSlab;
    private final int retainFree;
    private final boolean zeroOnRelease;
    private final AtomicLong nativeBytes;
    private final ReentrantLock lock = new ReentrantLock();
    /** Live slabs, oldest first; lending takes from the oldest with a free buffer, so young slabs empty out. */
    private final List<Slab> slabs = new ArrayList<>();
    private int freeBuffers;
    private boolean closed;

    /**
     * @param bufferSize    bytes per buffer
     * @param retainFree    free overflow buffers kept at most (see the class comment)
     * @param zeroOnRelease whether a released buffer is zeroed before it is lent again
     * @param nativeBytes   the memory's count of native bytes, raised and lowered by whole slabs
     */
    OverflowSlabs(int bufferSize, int retainFree, boolean zeroOnRelease, AtomicLong nativeBytes) {
        this.bufferSize = bufferSize;
        this.stride = (bufferSize + NativeMemory.ALIGNMENT - 1) / NativeMemory.ALIGNMENT * NativeMemory.ALIGNMENT;
        this.perSlab = (int) Math.max(1, Math.min(MOST_PER_SLAB, MOST_SLAB_BYTES / stride));
        this.retainFree = retainFree;
        this.zeroOnRelease = zeroOnRelease;
        this.nativeBytes = nativeBytes;
    }

    /** Buffers per slab. */
    int perSlab() {
        return perSlab;
    }

    /** A free overflow buffer, from the oldest slab that has one, else from a new slab. */
    NativeMemory.NativeBlock lend() {
        lock.lock();
        try {
            requireOpen();
            for (Slab slab : slabs) {
                if (slab.free > 0) {
                    freeBuffers--;
                    return slab.blocks[slab.freeList[--slab.free]];
                }
            }
        } finally {
            lock.unlock();
        }
        Slab fresh = newSlab(); // outside the lock: creating an arena and its memory is the slow part
        lock.lock();
        try {
            if (!closed) {
                slabs.add(fresh);
                freeBuffers += perSlab - 1;
                return fresh.blocks[fresh.freeList[--fresh.free]];
            }
        } finally {
            lock.unlock();
        }
        release(fresh);
        throw closedError();
    }

    /** A released overflow buffer: back on its slab's free list; its slab closed if it is wholly free and spare. */
    void giveBack(NativeMemory.NativeBlock block) {
        if (zeroOnRelease) {
            block.segment().fill((byte) 0);
        }
        back(block, false);
    }

    /** A leaked overflow buffer, which may still be referenced: never lent again, freed with its slab. */
    void retire(NativeMemory.NativeBlock block) {
        back(block, true);
    }

    private void back(NativeMemory.NativeBlock block, boolean retire) {
        Slab slab = block.slab();
        Slab toClose = null;
        lock.lock();
        try {
            if (closed) {
                return; // freed with the pool
            }
            if (retire) {
                slab.retired++;
            } else {
                slab.freeList[slab.free++] = block.index();
                freeBuffers++;
            }
            if (slab.unused() && freeBuffers - slab.free >= retainFree) {
                slabs.remove(slab);
                freeBuffers -= slab.free;
                toClose = slab;
            }
        } finally {
            lock.unlock();
        }
        if (toClose != null) {
            release(toClose);
        }
    }

    /** Closes every slab (the pool is closing); later lends throw, later releases do nothing. */
    void close() {
        List<Slab> all;
        lock.lock();
        try {
            closed = true;
            all = new ArrayList<>(slabs);
            slabs.clear();
            freeBuffers = 0;
        } finally {
            lock.unlock();
        }
        all.forEach(this::release);
    }

    /** Live slabs now. */
    int slabs() {
        lock.lock();
        try {
            return slabs.size();
        } finally {
            lock.unlock();
        }
    }

    private Slab newSlab() {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment memory = arena.allocate(stride * perSlab, NativeMemory.ALIGNMENT);
            ByteBuffer[] buffers = new ByteBuffer[perSlab];
            NativeMemory.NativeBlock[] blocks = new NativeMemory.NativeBlock[perSlab];
            Slab slab = new Slab(arena, buffers, blocks);
            for (int i = 0; i < perSlab; i++) {
                MemorySegment segment = memory.asSlice(i * stride, bufferSize);
                buffers[i] = segment.asByteBuffer();
                blocks[i] = new NativeMemory.NativeBlock(segment, slab, i, buffers[i]);
            }
            nativeBytes.addAndGet(stride * perSlab);
            return slab;
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    private void release(Slab slab) {
        slab.arena.close();
        nativeBytes.addAndGet(-stride * perSlab);
    }

    private void requireOpen() {
        if (closed) {
            throw closedError();
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("the off-heap pool's memory is closed");
    }
}
