package io.sigmalang.domain.pool.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Lock-free stacks of slot indexes (Treiber stacks), each push and pop one compare-and-set. Stack 0 holds the
 * slots without a buffer; stacks 1 to S hold the free buffers of each stripe.
 *
 * <p>A head packs a version above the top index ({@code version << 20 | top + 1}, 0 meaning empty). Every
 * push and pop bumps the version, so a pop that read a head, was delayed while the same index was popped and
 * pushed back, fails its compare-and-set instead of installing a stale {@code next}: the ABA problem needs the
 * 44-bit version to wrap during one delay. The links are a plain field of each (padded) {@link Slot}: a link is
 * written before the compare-and-set that publishes it, and a pop reads it after the volatile read of the head
 * it saw.
 *
 * <p>Heads are 128 bytes apart so that two stripes never share a cache line (nor an adjacent-line prefetch).
 */
final class FreeStacks {
    private static final VarHandle HEADS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int PAD = 16;
    private static final int INDEX_BITS = 20;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    private static final long ONE_VERSION = 1L << INDEX_BITS;

    private final long[] heads;
    private final Slot[] slots;

    FreeStacks(int stacks, Slot[] slots) {
        if (slots.length >= INDEX_MASK) {
            throw new IllegalArgumentException("at most " + (INDEX_MASK - 1) + " slots, was " + slots.length);
        }
        this.heads = new long[(stacks + 1) * PAD];
        this.slots = slots;
    }

    /** Pops the top index of {@code stack}, or returns -1 when it is empty. */
    int pop(int stack) {
        int at = (stack + 1) * PAD - 1;
        for (;;) {
            long head = (long) HEADS.getVolatile(heads, at);
            int top = (int) (head & INDEX_MASK) - 1;
            if (top < 0) {
                return -1;
            }
            long popped = ((head & ~INDEX_MASK) + ONE_VERSION) | (slots[top].next + 1);
            if (HEADS.compareAndSet(heads, at, head, popped)) {
                return top;
            }
        }
    }

    /** Pushes {@code index}, which the caller owns (no stack holds it). */
    void push(int stack, int index) {
        int at = (stack + 1) * PAD - 1;
        for (;;) {
            long head = (long) HEADS.getVolatile(heads, at);
            slots[index].next = (int) (head & INDEX_MASK) - 1;
            long pushed = ((head & ~INDEX_MASK) + ONE_VERSION) | (index + 1);
            if (HEADS.compareAndSet(heads, at, head, pushed)) {
                return;
            }
        }
    }
}
