package io.sigmalang.domain.pool.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buffers lent beyond a pool's capacity: each has a one-off {@link Slot} (index -1) with the same state machine
 * as a pooled slot, so its lease is released exactly once and a stale lease is refused (the slot is never
 * leased again, even when the memory recycles the buffer), and its memory is given back to the
 * {@link BufferMemory} and the {@link ByteBudget} as soon as it is released.
 *
 * <p>The slots out are kept in a set so that closing the pool can mark them closed; the counters feed the
 * stats. Giving back is written once ({@link #giveBack}), whatever path (release, release after close, leak)
 * brings the buffer back.
 */
final class OverflowBuffers {
    private final Set<Slot> out = ConcurrentHashMap.newKeySet();
    private final AtomicLong lent = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();
    private final AtomicLong leaked = new AtomicLong();
    private final BufferMemory memory;
    private final ByteBudget budget;

    OverflowBuffers(BufferMemory memory, ByteBudget budget) {
        this.memory = memory;
        this.budget = budget;
    }

    /** A new overflow slot with its buffer; its bytes were already reserved, and are given back if this fails. */
    Slot lend(BufferSlots owner, int bufferSize) {
        Slot slot = new Slot(-1, owner);
        try {
            Blocks.give(slot, memory, bufferSize, BufferMemory.Use.OVERFLOW, owner.poolName());
        } catch (RuntimeException | Error e) {
            budget.giveBack();
            throw e;
        }
        out.add(slot);
        lent.incrementAndGet();
        return slot;
    }

    /** A released overflow buffer (before or after close): freed, its bytes given back, counted. */
    void released(Slot slot) {
        giveBack(slot, false);
        returned.incrementAndGet();
    }

    /**
     * A leaked overflow lease, found unreachable: counted as a leak, never as a release; its buffer is retired
     * (a {@code ByteBuffer} of it may still be referenced, so a recycling memory must not lend it again).
     */
    void leaked(Slot slot, boolean poolOpen) {
        if (poolOpen) {
            giveBack(slot, true);
        } else {
            out.remove(slot); // the memory closed with the pool
        }
    }

    AtomicLong leakCounter() {
        return leaked;
    }

    private void giveBack(Slot slot, boolean retire) {
        out.remove(slot);
        if (retire) {
            memory.retire(slot.buffer, slot.handle, BufferMemory.Use.OVERFLOW);
        } else {
            memory.free(slot.buffer, slot.handle, BufferMemory.Use.OVERFLOW);
        }
        slot.buffer = null;
        slot.handle = null;
        budget.giveBack();
    }

    /** Marks every overflow slot out as closed (the pool is closing). */
    void closeAll() {
        for (Slot slot : out) {
            slot.leased2closed();
        }
    }

    long lent() {
        return lent.get();
    }

    long returned() {
        return returned.get();
    }

    long leaks() {
        return leaked.get();
    }
}
