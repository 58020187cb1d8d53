package io.sigmalang.domain.pool.engine;

import java.nio.ByteBuffer;

/** {@link BufferMemory#heap()}: array-backed buffers that the garbage collector frees once dropped. */
final class HeapMemory implements BufferMemory {
    static final HeapMemory INSTANCE = new HeapMemory();

    private HeapMemory() {
    }

    @Override
    public Block allocate(int bytes, Use use) {
        return new Block(ByteBuffer.allocate(bytes), null);
    }

    @Override
    public void free(ByteBuffer buffer, Object handle, Use use) {
        // Dropping the last reference is all it takes.
    }

    @Override
    public void close() {
        // Nothing outside the heap.
    }

    @Override
    public String toString() {
        return "BufferMemory.heap()";
    }
}
