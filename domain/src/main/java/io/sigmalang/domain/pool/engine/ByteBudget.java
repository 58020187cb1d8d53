package io.sigmalang.domain.pool.engine;

import io.sigmalang.domain.pool.BoundPolicy;
import io.sigmalang.domain.pool.PoolBound;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes a pool has allocated and not let go of (retained pooled buffers plus overflow buffers out), held
 * against its {@link PoolBound}, and the waiting room of the {@link BoundPolicy#WAIT} policy.
 *
 * <p>Every buffer the pool creates, pooled or overflow, first reserves its bytes here ({@link #reserve}); a
 * buffer let go of gives them back ({@link #giveBack}). Without a bound a reservation is a plain add; with one it
 * is a compare-and-set loop that never takes the total past the bound, so the bound holds under any
 * concurrency. Only the slow paths (creating and dropping buffers) come here: a lease of a free buffer does not.
 *
 * <p>Waiting: an acquire at the bound under {@code WAIT} registers as a waiter and sleeps on a condition; a
 * release signals only when someone waits (one volatile read otherwise), so the release path takes no lock in
 * the usual case. A waiter always has a deadline ({@link PoolBound#LONGEST_WAIT} at most).
 */
final class ByteBudget {
    private final int bufferSize;
    private final long maxBytes;
    private final AtomicLong used = new AtomicLong();
    private final AtomicInteger waiters = new AtomicInteger();
    private final ReentrantLock waitLock = new ReentrantLock();
    private final Condition bufferFreed = waitLock.newCondition();

    ByteBudget(int bufferSize, PoolBound bound) {
        this.bufferSize = bufferSize;
        this.maxBytes = bound.maxBytes();
    }

    /** Reserves one buffer's bytes if that keeps the total within the bound; returns whether it did. */
    boolean reserve() {
        if (maxBytes == Long.MAX_VALUE) {
            used.addAndGet(bufferSize);
            return true;
        }
        for (;;) {
            long now = used.get();
            if (now > maxBytes - bufferSize) {
                return false;
            }
            if (used.compareAndSet(now, now + bufferSize)) {
                return true;
            }
        }
    }

    /** Reserves one buffer's bytes past the bound ({@link BoundPolicy#ALLOCATE_UNPOOLED} at the bound). */
    void reserveBeyondBound() {
        used.addAndGet(bufferSize);
    }

    /** Gives one buffer's bytes back. */
    void giveBack() {
        used.addAndGet(-bufferSize);
    }

    /** Sets the total, for the buffers allocated at construction and at close (0). */
    void set(long bytes) {
        used.set(bytes);
    }

    /** The bytes reserved now. */
    long used() {
        return used.get();
    }

    long maxBytes() {
        return maxBytes;
    }

    // ------------------------------------------------------------ waiting at the bound

    /** Enters the waiting room; call {@link #leaveWaiting()} in a finally block. */
    void enterWaiting() {
        waitLock.lock();
        waiters.incrementAndGet();
    }

    void leaveWaiting() {
        waiters.decrementAndGet();
        waitLock.unlock();
    }

    /** Sleeps (in the waiting room) until a buffer is freed or {@code nanos} pass. */
    void await(long nanos) throws InterruptedException {
        bufferFreed.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Wakes the waiters, if any: a buffer or some bytes were just given back. */
    void signalIfWaiting() {
        if (waiters.get() != 0) {
            signalAll();
        }
    }

    /** Wakes every waiter (the pool is closing). */
    void signalAll() {
        waitLock.lock();
        try {
            bufferFreed.signalAll();
        } finally {
            waitLock.unlock();
        }
    }
}
