package io.sigmalang.domain.pool.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/** Padding before a slot's fields: 56 bytes, so that two slots' hot fields never share a cache line. */
abstract class SlotPadding {
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06;
}

/**
 * A slot's fields, between two paddings (the JVM lays out a superclass's fields first). The state word and
 * the free-list link are written on every acquire and release by the thread that holds the slot; without the
 * padding, two threads using neighbouring slots would bounce one cache line between their cores.
 */
abstract class SlotFields extends SlotPadding {
    /** The slot's index in its pool, or -1 for an overflow buffer's one-off slot. */
    final int index;
    final BufferSlots owner;
    /** The buffer, or null while the slot has none (not created yet, let go, or replaced after a leak). */
    ByteBuffer buffer;
    Object handle;
    /** The leak tracker of the current lease, when it is tracked. */
    LeakDetector.Tracker tracker;
    /** The next slot index on the free stack this slot is on (see {@link FreeStacks}). */
    int next;
    /** Accessed only through {@link Slot#STATE}. */
    long state;

    SlotFields(int index, BufferSlots owner) {
        this.index = index;
        this.owner = owner;
    }
}

/**
 * One place for a buffer in a {@link BufferSlots}, and the state machine that guards it.
 *
 * <p>{@code state} packs a generation and two flags: {@code generation << 2 | CLOSED | LEASED}. Every acquire
 * moves a free slot to the next generation with {@code LEASED} set, and that exact value is the lease's stamp.
 * Release is a compare-and-set from the stamp to the same generation without {@code LEASED}: it succeeds once
 * per generation, whoever calls it, so a second release, a release racing another, and a stale lease of an
 * earlier generation all fail. The generation never repeats (2^62 acquires per slot), so there is no ABA.
 *
 * <pre>
 *   FREE(g) --acquire--&gt; LEASED(g+1) --release--&gt; FREE(g+1)
 *                          |  \--leak found--&gt; FREE(g+1), buffer replaced
 *                          \--pool closes--&gt; LEASED|CLOSED(g+1) --release--&gt; CLOSED(g+1)
 * </pre>
 *
 * <p>The generations double as counters: a slot's generation is how many times it was leased, so the pool's
 * totals are sums over its slots and the fast path updates no shared counter.
 */
final class Slot extends SlotFields {
    static final long LEASED = 1;
    static final long CLOSED = 2;
    static final long ONE_GENERATION = 4;
    static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SlotFields.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Padding after the fields (see SlotFields): 56 bytes.
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16;

    Slot(int index, BufferSlots owner) {
        super(index, owner);
    }

    static long generation(long state) {
        return state >>> 2;
    }

    /** The stamp of the next lease of a slot in {@code state} (free). */
    static long nextStamp(long state) {
        return (state & ~(LEASED | CLOSED)) + ONE_GENERATION + LEASED;
    }

    // ------------------------------------------------------------ the transitions, named (see the diagram)

    /**
     * The stamp the next lease of this free slot will carry. Only the thread that popped the slot from a free
     * list calls it, so an opaque read of its own last write suffices.
     */
    long nextLeaseStamp() {
        return nextStamp((long) STATE.getOpaque(this));
    }

    /** FREE(g) → LEASED(g+1): publishes the lease stamped {@code stamp}, with its buffer, to any later reader. */
    void free2leased(long stamp) {
        STATE.setRelease(this, stamp);
    }

    /** LEASED(g) → FREE(g): the one release of the lease stamped {@code stamp}; false for any other caller. */
    boolean leased2free(long stamp) {
        return STATE.compareAndSet(this, stamp, stamp - LEASED);
    }

    /** LEASED|CLOSED(g) → CLOSED(g): the one release, after its pool closed, of the lease stamped {@code stamp}. */
    boolean closedLeased2closed(long stamp) {
        long closedStamp = stamp | CLOSED;
        return STATE.compareAndSet(this, closedStamp, closedStamp - LEASED);
    }

    /** LEASED(g) → LEASED|CLOSED(g) when the pool closes; a free or already closed slot is left as it is. */
    void leased2closed() {
        for (;;) {
            long state = (long) STATE.getVolatile(this);
            if ((state & LEASED) == 0 || (state & CLOSED) != 0 || STATE.compareAndSet(this, state, state | CLOSED)) {
                return;
            }
        }
    }

    /** Whether the lease stamped {@code stamp} is the live lease of this slot (and its pool open). */
    boolean isLeasedAs(long stamp) {
        return (long) STATE.getAcquire(this) == stamp;
    }

    /** The state now, for counting and for error messages. */
    long stateNow() {
        return (long) STATE.getAcquire(this);
    }
}
