package io.sigmalang.domain.pool.engine;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.domain.pool.PoolBound;
import io.sigmalang.domain.pool.BoundPolicy;
import io.sigmalang.domain.pool.OpenLeasesException;
import io.sigmalang.domain.pool.PoolExhaustedException;
import io.sigmalang.domain.pool.PoolChecks;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The machinery every {@link BufferPool} strategy shares: slots with a generation-stamped state machine,
 * striped lock-free free lists, counters, the bound policy, leak detection and (for a resizable pool) demand
 * windows. A strategy is this class plus a {@link BufferMemory} (where buffers live) and a {@link Shape}
 * (preallocated or on demand, fixed or ruled by a {@link CapacityRule}).
 *
 * <h2>Design</h2>
 *
 * <p><b>Fast path.</b> {@code acquire()} pops a free slot from the stack of the caller's stripe (chosen by
 * {@link Thread#threadId()}, so it works the same for virtual threads and involves no {@code ThreadLocal}), takes one unit of the stripe's slack in {@link DemandCells}, stamps the slot with its
 * next generation and returns a new immutable {@link SlotLease}. {@code close()} on the lease compare-and-sets
 * the slot from the stamp back to free, pushes it on the releasing thread's stripe and gives the slack back.
 * That is one compare-and-set per step on cache lines that only the stripe's threads write: two threads on
 * two stripes do not contend. Nothing is locked while a caller holds a buffer, and both paths are O(1) (a
 * failed stripe costs at most one pop per other stripe).
 *
 * <p><b>Slow path</b> ({@code acquireSlow}), when the stripe is empty: pop from the other stripes; else create
 * a buffer in a slot that has none, if the capacity and the {@link ByteBudget bound} allow; else lend an
 * {@link OverflowBuffers overflow buffer} if the bound allows; else apply the {@link BoundPolicy}.
 *
 * <p><b>Concerns, one class each:</b> the lease state machine is {@link Slot} (transitions named
 * {@code free2leased}, {@code leased2free}, ...), the free lists {@link FreeStacks}, bytes and the bound
 * {@link ByteBudget}, overflow buffers {@link OverflowBuffers}, leaks {@link LeakDetector}, the peak and the
 * windows {@link DemandCells}. This class only sequences them.
 *
 * <p><b>Counting without shared counters.</b> A slot's generation is the number of times it was leased, so
 * {@link #stats()} sums acquires and releases over the slots; only overflow and leaks, which are slow paths,
 * have their own atomic counters. The peak is kept exactly by {@link DemandCells}.
 *
 * <p><b>Misuse.</b> A lease acts only while the slot's state equals its stamp (see {@link Slot}). Errors are
 * built in static helpers so that the hot methods stay small enough to inline.
 *
 * <p><b>Leaks.</b> A leaked lease stays counted as outstanding (it was never released) and in
 * {@link PoolStats#leaks()}; its slot is taken back with a new buffer, since the old one may still be
 * referenced. See {@link LeakDetector}.
 *
 * <p><b>No unbounded loop.</b> The one loop that drains the free stacks (close, trim, shrink: {@code drainFree})
 * stops after as many pops as there are slots, so that even a corrupted stack could not make it spin forever.
 *
 * <p><b>Windows</b> (resizable pools only), off the acquire path. Each stripe counts its acquires; an acquire
 * that reaches its stripe's checkpoint only raises a flag. The next release that sees the flag takes the window
 * lock with one compare-and-set and sums the stripes; once {@code windowAcquires} have passed it asks the
 * strategy's {@link CapacityRule} for the next capacity. Growing only raises the capacity (buffers are created
 * on demand); shrinking lets free buffers go at once and leased ones as they come back.
 */
public final class BufferSlots {
    private static final int NO_BUFFER = 0;
    private static final VarHandle CLOSED_FLAG;

    static {
        try {
            CLOSED_FLAG = MethodHandles.lookup().findVarHandle(BufferSlots.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * How a pool's slots are laid out and sized.
     *
     * @param maxCapacity    the most buffers the pool can ever retain (slots are reserved for this many)
     * @param preallocate    whether all of the initial capacity is allocated at construction
     * @param windowAcquires the length of a demand window, or 0 for a pool whose capacity never changes
     * @param rule           the rule consulted at the end of each window, on a releasing thread ({@code null} when
     *                       there are none)
     */
    public record Shape(int maxCapacity, boolean preallocate, int windowAcquires, CapacityRule rule) {
        public Shape {
            PoolChecks.between("maxCapacity", maxCapacity, 1, PoolSettings.MAX_CAPACITY);
            PoolChecks.between("windowAcquires", windowAcquires, 0, Integer.MAX_VALUE);
            if ((windowAcquires == 0) != (rule == null)) {
                throw new IllegalArgumentException(
                        "a capacity rule needs windowAcquires > 0 and windowAcquires > 0 needs a rule");
            }
        }

        /** A fixed capacity, all allocated up front. */
        public static Shape fixed(int capacity) {
            return new Shape(capacity, true, 0, null);
        }

        /** A capacity between 1 and {@code maxCapacity}, revised by {@code rule} every window. */
        public static Shape resizable(int maxCapacity, int windowAcquires, CapacityRule rule) {
            return new Shape(maxCapacity, false, windowAcquires, PoolChecks.notNull("rule", rule));
        }
    }

    private final String name;
    private final int bufferSize;
    private final int stripeMask;
    private final Slot[] slots;
    private final FreeStacks free;
    private final DemandCells demand;
    private final BufferMemory memory;
    private final ByteBudget budget;
    private final OverflowBuffers overflow;
    private final PoolBound bound;
    private final boolean wipe;
    private final boolean resizable;
    private final int windowAcquires;
    private final CapacityRule rule;
    private final LeakDetector leaks;

    private volatile int capacity;
    @SuppressWarnings("unused") // accessed through CLOSED_FLAG
    private volatile boolean closed;
    /** Pooled slots that have a buffer (free or leased). */
    private final AtomicInteger backed = new AtomicInteger();
    private final AtomicInteger peakBacked = new AtomicInteger();
    private final AtomicLong pooledLeaks = new AtomicLong();
    private final AtomicLong resizes = new AtomicLong();
    private final ReentrantLock windowLock = new ReentrantLock();
    private final ClosingWindow window = new ClosingWindow();

    /**
     * @param name     the pool's name, used in every message
     * @param settings capacity (the initial one, for a resizable pool), buffer size, stripes, bound, leaks
     * @param memory   where the buffers live
     * @param shape    preallocated or on demand, fixed or resizable
     * @throws IllegalArgumentException when the capacity exceeds {@code shape.maxCapacity()}, or a
     *     preallocated capacity exceeds the bound
     */
    public BufferSlots(String name, PoolSettings settings, BufferMemory memory, Shape shape) {
        this.name = PoolChecks.notNull("name", name);
        PoolChecks.notNull("settings", settings);
        PoolChecks.notNull("shape", shape);
        this.memory = PoolChecks.notNull("memory", memory);
        PoolChecks.between("capacity", settings.capacity(), 1, shape.maxCapacity());
        if (shape.preallocate()) {
            settings.requirePreallocationWithinBound();
        }
        this.bufferSize = settings.bufferSize();
        this.stripeMask = settings.stripes() - 1;
        this.capacity = settings.capacity();
        this.bound = settings.bound();
        this.budget = new ByteBudget(bufferSize, bound);
        this.overflow = new OverflowBuffers(memory, budget);
        this.wipe = memory.wipesOnRelease();
        this.windowAcquires = shape.windowAcquires();
        this.resizable = windowAcquires != 0;
        this.rule = shape.rule();
        this.demand = new DemandCells(settings.stripes());
        this.leaks = settings.leakDetection().enabled() ? new LeakDetector(this, settings.leakDetection()) : null;
        this.slots = new Slot[shape.maxCapacity()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(i, this);
        }
        this.free = new FreeStacks(settings.stripes() + 1, slots);
        int preallocated = shape.preallocate() ? capacity : 0;
        for (int i = slots.length - 1; i >= preallocated; i--) {
            free.push(NO_BUFFER, i);
        }
        if (preallocated > 0) {
            preallocate(preallocated, settings.stripes());
        }
        if (resizable) {
            demand.startWindow(windowAcquires);
        }
    }

    /** Creates the first {@code count} buffers, spread over the stripes in contiguous blocks. */
    private void preallocate(int count, int stripes) {
        try {
            for (int i = count - 1; i >= 0; i--) {
                Blocks.give(slots[i], memory, bufferSize, BufferMemory.Use.POOLED, name);
                free.push(1 + (int) ((long) i * stripes / count), i);
            }
        } catch (RuntimeException | Error e) {
            memory.close();
            throw e;
        }
        backed.set(count);
        peakBacked.set(count);
        budget.set((long) count * bufferSize);
    }

    // ---------------------------------------------------------------- acquire

    /**
     * Leases a buffer positioned at 0 with its whole capacity as limit, in big-endian order.
     *
     * @throws IllegalStateException  when the pool is closed
     * @throws PoolExhaustedException at the bound, under {@link BoundPolicy#FAIL_FAST} or after
     *     {@link BoundPolicy#WAIT} ran out of time
     */
    public BufferLease acquire() {
        if (closed) {
            throw closedOnAcquire(name);
        }
        int stripe = stripeOfCurrentThread();
        int index = free.pop(stripe + 1);
        Slot slot = index >= 0 ? slots[index] : acquireSlow(stripe);
        int count = demand.reserve(stripe);
        long stamp = slot.nextLeaseStamp();
        ByteBuffer buffer = slot.buffer;
        buffer.clear();
        buffer.order(ByteOrder.BIG_ENDIAN);
        if (resizable && demand.pastCheckpoint(stripe, count)) {
            demand.requestReview(stripe, count); // the window is reviewed by a release, never here
        }
        SlotLease lease = new SlotLease(slot, stamp);
        if (leaks != null && leaks.tracks(count)) {
            slot.tracker = leaks.track(lease, slot, stamp);
        }
        slot.free2leased(stamp);
        return lease;
    }

    private int stripeOfCurrentThread() {
        // Thread ids (virtual threads' too) come from one counter, so threads started one after another, as
        // a server's workers are, fall on different stripes; a hash would put two of them on one stripe with
        // probability 1/stripes.
        return (int) Thread.currentThread().threadId() & stripeMask;
    }

    private Slot acquireSlow(int stripe) {
        Slot slot = takeWithinBound(stripe, 1);
        return slot != null ? slot : atBound(stripe);
    }

    /** A slot from another stripe, a new pooled buffer, or an overflow buffer, within capacity and bound. */
    private Slot takeWithinBound(int stripe, int firstOffset) {
        for (int k = firstOffset; k <= stripeMask; k++) {
            int index = free.pop(((stripe + k) & stripeMask) + 1);
            if (index >= 0) {
                return slots[index];
            }
        }
        Slot created = createPooled();
        if (created != null) {
            return created;
        }
        return budget.reserve() ? overflow.lend(this, bufferSize) : null;
    }

    /** A slot given a new buffer, when the capacity and the bound allow one more; else null. */
    private Slot createPooled() {
        for (;;) {
            if (closed) {
                throw closedOnAcquire(name);
            }
            int count = backed.get();
            if (count >= capacity || !budget.reserve()) {
                return null;
            }
            if (backed.compareAndSet(count, count + 1)) {
                break;
            }
            budget.giveBack();
        }
        int index = free.pop(NO_BUFFER);
        if (index < 0) {
            // A buffer being let go of has given up its count but not yet its slot: rare, serve unpooled.
            backed.decrementAndGet();
            budget.giveBack();
            return null;
        }
        Slot slot = slots[index];
        try {
            Blocks.give(slot, memory, bufferSize, BufferMemory.Use.POOLED, name);
        } catch (RuntimeException | Error e) {
            free.push(NO_BUFFER, index);
            backed.decrementAndGet();
            budget.giveBack();
            throw e;
        }
        peakBacked.accumulateAndGet(backed.get(), Math::max);
        return slot;
    }

    private Slot atBound(int stripe) {
        return switch (bound.atBound()) {
            case ALLOCATE_UNPOOLED -> {
                budget.reserveBeyondBound();
                yield overflow.lend(this, bufferSize);
            }
            case FAIL_FAST -> throw exhausted("is at its bound of " + budget.maxBytes() + " bytes");
            case WAIT -> awaitBuffer(stripe);
        };
    }

    private Slot awaitBuffer(int stripe) {
        long deadline = System.nanoTime() + bound.maxWait().toNanos();
        budget.enterWaiting();
        try {
            for (;;) {
                if (closed) {
                    throw closedOnAcquire(name);
                }
                Slot slot = takeWithinBound(stripe, 0);
                if (slot != null) {
                    return slot;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw exhausted("waited " + bound.maxWait().toMillis() + " ms at its bound of "
                            + budget.maxBytes() + " bytes");
                }
                budget.await(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw exhausted("was interrupted while waiting at its bound of " + budget.maxBytes() + " bytes");
        } finally {
            budget.leaveWaiting();
        }
    }

    // ---------------------------------------------------------------- release

    /** Called by {@link SlotLease#close()}. */
    void release(Slot slot, long stamp) {
        if (!slot.leased2free(stamp)) {
            releaseRefused(slot, stamp);
            return;
        }
        stopTracking(slot);
        int stripe = stripeOfCurrentThread();
        if (slot.index < 0) {
            overflow.released(slot);
        } else if (!resizable || !letGoBeyondCapacity(slot)) {
            if (wipe) {
                memory.wipe(slot.buffer, slot.handle);
            }
            free.push(stripe + 1, slot.index);
        }
        demand.giveBack(stripe);
        budget.signalIfWaiting();
        if (resizable && demand.reviewRequested(stripe)) {
            review();
        }
    }

    /** The stamp did not match: released after the pool closed (fine), or a misuse (throws). */
    private void releaseRefused(Slot slot, long stamp) {
        if (!slot.closedLeased2closed(stamp)) {
            throw refused(slot, stamp, "release the lease");
        }
        stopTracking(slot);
        if (slot.index < 0) {
            overflow.released(slot);
        }
        demand.giveBack(stripeOfCurrentThread());
    }

    private static void stopTracking(Slot slot) {
        LeakDetector.Tracker tracker = slot.tracker;
        if (tracker != null) {
            slot.tracker = null;
            tracker.released();
        }
    }

    /** A released pooled buffer beyond a capacity that has shrunk: let go (true), else kept (false). */
    private boolean letGoBeyondCapacity(Slot slot) {
        if (decrementIfAbove(backed, capacity)) {
            letGo(slot);
            return true;
        }
        return false;
    }

    /** Frees the buffer of a pooled slot the caller owns, whose count was already taken off {@code backed}. */
    private void letGo(Slot slot) {
        memory.free(slot.buffer, slot.handle, BufferMemory.Use.POOLED);
        slot.buffer = null;
        slot.handle = null;
        free.push(NO_BUFFER, slot.index);
        budget.giveBack();
    }

    /**
     * Called by the leak detector for a lease that became unreachable unreleased. Returns whether the slot
     * was taken back (false if its state no longer matches, which a tracked lease cannot cause).
     */
    boolean reclaimLeaked(Slot slot, long stamp) {
        AtomicLong counter = slot.index < 0 ? overflow.leakCounter() : pooledLeaks;
        counter.incrementAndGet(); // before the transition, so that no snapshot sees the lease as released
        boolean open = slot.leased2free(stamp);
        if (!open && !slot.closedLeased2closed(stamp)) {
            counter.decrementAndGet();
            return false;
        }
        slot.tracker = null;
        if (slot.index < 0) {
            overflow.leaked(slot, open);
        } else if (open) {
            // The buffer may still be referenced through a ByteBuffer kept by the leaker: never lend it again.
            backed.decrementAndGet();
            letGo(slot);
        }
        budget.signalIfWaiting();
        return true;
    }

    // ---------------------------------------------------------------- windows and resizing

    /**
     * Closes the window if it is complete, on a releasing thread: the one that wins the window lock (one
     * compare-and-set; a release that loses goes on, the winner covers it). An incomplete window only re-arms the
     * checkpoints that were passed. The rule sees the window through {@link #window}, reused.
     */
    private void review() {
        if (!windowLock.tryLock()) {
            return;
        }
        try {
            demand.clearReviews();
            long done = demand.windowCount();
            if (done < windowAcquires) {
                demand.rearmPassed(windowAcquires - done);
                return;
            }
            int current = capacity;
            window.open(done, overflow.lent(), current);
            demand.startWindow(windowAcquires);
            int next;
            try {
                next = rule.nextCapacity(window);
            } catch (RuntimeException e) {
                // Failing this release would lose the buffer it gives back; keep the capacity instead.
                System.getLogger("io.sigmalang.pool").log(System.Logger.Level.WARNING,
                        "capacity rule of pool '" + name + "' failed; capacity kept at " + current, e);
                next = current;
            }
            if (next != current) {
                resize(next);
            }
        } finally {
            windowLock.unlock();
        }
    }

    /**
     * The window a {@link CapacityRule} sees; one per pool, used only under the window lock. An object of its own,
     * so that writing it once per window touches no line that every acquire reads.
     */
    private final class ClosingWindow implements CapacityRule.Window {
        private long acquires;
        private long overflows;
        private long overflowBase;
        private int windowCapacity;
        private long peak = -1;

        void open(long acquires, long overflowsSoFar, int windowCapacity) {
            this.acquires = acquires;
            this.overflows = overflowsSoFar - overflowBase;
            this.overflowBase = overflowsSoFar;
            this.windowCapacity = windowCapacity;
            this.peak = -1;
        }

        @Override
        public long acquires() {
            return acquires;
        }

        @Override
        public long overflowAllocations() {
            return overflows;
        }

        @Override
        public int capacity() {
            return windowCapacity;
        }

        @Override
        public long peakOutstanding() {
            if (peak < 0) {
                peak = demand.windowPeak();
            }
            return peak;
        }
    }

    private void resize(int next) {
        // A rule answering outside 1..maxCapacity is clamped: throwing here would fail an innocent acquire.
        capacity = Math.max(1, Math.min(slots.length, next));
        resizes.incrementAndGet();
        drainFree(index -> {
            if (decrementIfAbove(backed, capacity)) {
                letGo(slots[index]);
                return true;
            }
            return false;
        });
    }

    private static boolean decrementIfAbove(AtomicInteger counter, int floor) {
        for (;;) {
            int value = counter.get();
            if (value <= floor) {
                return false;
            }
            if (counter.compareAndSet(value, value - 1)) {
                return true;
            }
        }
    }

    /**
     * Lets go of every free buffer (an idle pool's trim): afterwards the pool retains only the buffers that
     * are leased. Returns how many were let go.
     */
    public int dropFree() {
        return drainFree(index -> {
            backed.decrementAndGet();
            letGo(slots[index]);
            return true;
        });
    }

    /** What {@link #drainFree} does with each free slot it pops; false pushes it back and stops. */
    @FunctionalInterface
    private interface Drain {
        boolean take(int index);
    }

    /**
     * Pops the free buffers of every stripe and hands each to {@code drain}, until the stacks are empty or it
     * says stop. Stops after as many pops per stack as there are slots, so that even a corrupted stack could not
     * make it spin forever. Returns how many were taken.
     */
    private int drainFree(Drain drain) {
        int taken = 0;
        for (int stack = 1; stack <= stripeMask + 1; stack++) {
            for (int pops = 0, index; pops < slots.length && (index = free.pop(stack)) >= 0; pops++) {
                if (!drain.take(index)) {
                    free.push(stack, index);
                    return taken;
                }
                taken++;
            }
        }
        return taken;
    }

    // ---------------------------------------------------------------- stats, accessors, close

    /**
     * A snapshot of the counters. Exact when the pool is quiet; under concurrent use each figure is read a
     * moment apart.
     *
     * <p>Statistics without shared counters on the fast path: a slot's generation is the number of times it
     * was leased, so pooled acquires and releases are sums over the slots; overflow, leaks and resizes, which
     * are slow paths, have their own counters.
     */
    public PoolStats stats() {
        long pooledAcquires = 0;
        long pooledReleases = 0;
        int leased = 0;
        for (Slot slot : slots) {
            long state = slot.stateNow();
            long generation = Slot.generation(state);
            pooledAcquires += generation;
            if ((state & Slot.LEASED) != 0) {
                leased++;
                pooledReleases += generation - 1;
            } else {
                pooledReleases += generation;
            }
        }
        long leakedPooled = pooledLeaks.get();
        long overflows = overflow.lent();
        long acquires = pooledAcquires + overflows;
        long releases = pooledReleases - leakedPooled + overflow.returned();
        long outstanding = acquires - releases;
        int retained = closed ? 0 : backed.get();
        return new PoolStats(
                name,
                capacity,
                bufferSize,
                Math.max(0, retained - leased),
                outstanding,
                Math.max(outstanding, demand.highest()),
                acquires,
                releases,
                overflows,
                resizes.get(),
                (long) retained * bufferSize,
                (long) peakBacked.get() * bufferSize,
                leakedPooled + overflow.leaks());
    }

    public String poolName() {
        return name;
    }

    public int bufferSize() {
        return bufferSize;
    }

    /** The current capacity. */
    public int capacity() {
        return capacity;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * The memory handle ({@link BufferMemory.Block#handle()}) behind a live lease of this pool.
     *
     * @throws IllegalArgumentException when the lease is not from this pool
     * @throws IllegalStateException    when it was released or the pool closed
     */
    public Object handleOf(BufferLease lease) {
        if (!(lease instanceof SlotLease slotLease) || slotLease.slot().owner != this) {
            throw new IllegalArgumentException(lease + " is not a lease of pool '" + name + "'");
        }
        slotLease.buffer();
        return slotLease.slot().handle;
    }

    /**
     * Closes the pool: later acquires throw, outstanding leases refuse their buffer (their release is still
     * accepted), waiting acquires wake up and throw, and the memory is closed. Idempotent.
     *
     * @throws OpenLeasesException in strict leak mode, when leases are open or were leaked (after closing)
     */
    public void close() {
        if (!CLOSED_FLAG.compareAndSet(this, false, true)) {
            return;
        }
        for (Slot slot : slots) {
            slot.leased2closed();
        }
        overflow.closeAll();
        drainFree(index -> {
            slots[index].buffer = null;
            slots[index].handle = null;
            return true;
        });
        backed.set(0);
        budget.set(0);
        memory.close();
        budget.signalAll();
        if (leaks != null) {
            leaks.checkOnClose();
        }
    }

    @Override
    public String toString() {
        return "BufferSlots[" + name + ", capacity " + capacity + " × " + bufferSize + " bytes, "
                + (stripeMask + 1) + " stripes, " + memory + "]";
    }

    // ---------------------------------------------------------------- errors, built off the hot path

    static IllegalStateException refused(Slot slot, long stamp, String action) {
        long state = slot.stateNow();
        String pool = "pool '" + slot.owner.name + "'";
        if ((state & Slot.CLOSED) != 0 && Slot.generation(state) == Slot.generation(stamp)
                && (state & Slot.LEASED) != 0) {
            return new IllegalStateException("cannot " + action + ": " + pool + " is closed");
        }
        String since = Slot.generation(state) > Slot.generation(stamp)
                ? " (its buffer has been leased again since)" : "";
        return new IllegalStateException("cannot " + action + ": this lease of " + pool
                + " was already released" + since);
    }

    private static IllegalStateException closedOnAcquire(String name) {
        return new IllegalStateException("cannot acquire: pool '" + name + "' is closed");
    }

    private PoolExhaustedException exhausted(String what) {
        PoolStats stats = stats();
        return new PoolExhaustedException("pool '" + name + "' " + what + " (policy " + bound.atBound() + "; "
                + stats.outstanding() + " leases out, " + stats.retainedBytes() + " bytes retained, "
                + budget.used() + " bytes in use)", stats);
    }
}
