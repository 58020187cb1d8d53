package io.sigmalang.domain.pool.engine;

/** Gives a slot a new block of a {@link BufferMemory}, checking that the memory kept its promise. */
final class Blocks {
    private Blocks() {
    }

    static void give(Slot slot, BufferMemory memory, int bufferSize, BufferMemory.Use use, String pool) {
        BufferMemory.Block block = memory.allocate(bufferSize, use);
        if (block.buffer().capacity() != bufferSize) {
            throw new IllegalStateException(memory + " returned a buffer of " + block.buffer().capacity()
                    + " bytes for pool '" + pool + "', expected " + bufferSize);
        }
        slot.handle = block.handle();
        slot.buffer = block.buffer();
    }
}
