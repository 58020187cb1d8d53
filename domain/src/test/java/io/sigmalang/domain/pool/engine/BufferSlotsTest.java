package io.sigmalang.domain.pool.engine;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.domain.pool.PoolSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared machinery seen through what the strategies plug into it: memory, shape and capacity rule. */
class BufferSlotsTest {

    /** Heap memory that records what the pool asks of it. */
    static final class RecordingMemory implements BufferMemory {
        final List<String> calls = new ArrayList<>();
        final boolean wipes;
        int next;

        RecordingMemory(boolean wipes) {
            this.wipes = wipes;
        }

        @Override
        public synchronized Block allocate(int bytes, Use use) {
            String handle = use + "#" + next++;
            calls.add("allocate " + handle);
            return new Block(ByteBuffer.allocate(bytes), handle);
        }

        @Override
        public synchronized void free(ByteBuffer buffer, Object handle, Use use) {
            calls.add("free " + handle);
        }

        @Override
        public boolean wipesOnRelease() {
            return wipes;
        }

        @Override
        public synchronized void wipe(ByteBuffer buffer, Object handle) {
            calls.add("wipe " + handle);
        }

        @Override
        public synchronized void close() {
            calls.add("close");
        }
    }

    private static PoolSettings settings(int capacity) {
        return PoolSettings.defaults().withCapacity(capacity).withBufferSize(16).withStripes(2);
    }

    @Test
    void aFixedShapeAllocatesItsCapacityUpFrontAndOverflowOnDemand() {
        RecordingMemory memory = new RecordingMemory(false);
        BufferSlots slots = new BufferSlots("test", settings(2), memory, BufferSlots.Shape.fixed(2));
        assertEquals(List.of("allocate POOLED#0", "allocate POOLED#1"), memory.calls);
        BufferLease a = slots.acquire();
        BufferLease b = slots.acquire();
        BufferLease c = slots.acquire();
        assertEquals("OVERFLOW#2", slots.handleOf(c));
        c.close();
        assertEquals("free OVERFLOW#2", memory.calls.getLast(), "an overflow buffer is freed on release");
        a.close();
        b.close();
        slots.close();
        assertEquals("close", memory.calls.getLast());
        assertEquals(5, memory.calls.size(), "nothing else: " + memory.calls);
    }

    @Test
    void aWipingMemoryWipesEveryReleasedPooledBuffer() {
        RecordingMemory memory = new RecordingMemory(true);
        BufferSlots slots = new BufferSlots("test", settings(1), memory, BufferSlots.Shape.fixed(1));
        slots.acquire().close();
        assertEquals("wipe POOLED#0", memory.calls.getLast());
        slots.close();
    }

    @Test
    void aLeaseOfAnotherPoolHasNoHandleHere() {
        BufferSlots one = new BufferSlots("one", settings(1), BufferMemory.heap(), BufferSlots.Shape.fixed(1));
        BufferSlots two = new BufferSlots("two", settings(1), BufferMemory.heap(), BufferSlots.Shape.fixed(1));
        try (BufferLease lease = one.acquire()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.handleOf(lease));
            assertTrue(e.getMessage().contains("pool 'two'"), e.getMessage());
        }
        one.close();
        two.close();
    }

    /** What a capacity rule was told about one window (it reads every figure, the peak included). */
    record Window(long acquires, long overflowAllocations, long peakOutstanding, int capacity) {
        static Window of(CapacityRule.Window w) {
            return new Window(w.acquires(), w.overflowAllocations(), w.peakOutstanding(), w.capacity());
        }
    }

    /*
     * Windows close on a release, never on an acquire: the acquire that reaches the window's last count raises a
     * flag, and the first release after it closes the window (after giving its own buffer back). The derivations
     * below follow that. A peak counts from the leases out when the previous window's rule read it.
     */

    @Test
    void theRuleSeesEachWindowAndItsDecisionTakesEffect() {
        List<Window> windows = new ArrayList<>();
        int[] answers = {4, 2, 2, 2};
        CapacityRule rule = w -> {
            windows.add(Window.of(w));
            return answers[windows.size() - 1];
        };
        RecordingMemory memory = new RecordingMemory(false);
        BufferSlots slots = new BufferSlots("test", settings(2), memory, BufferSlots.Shape.resizable(8, 10, rule));
        assertEquals(List.of(), memory.calls, "a resizable pool creates buffers on demand");

        // Window 1: 5 rounds of (acquire 2, release 2) at capacity 2: no overflow, peak 2. The 10th acquire is
        // the second of round 5; its first release closes the window.
        for (int i = 0; i < 5; i++) {
            hold(slots, 2);
        }
        assertEquals(List.of(new Window(10, 0, 2, 2)), windows);
        assertEquals(4, slots.capacity());
        // Window 2: 2 rounds of 5 at capacity 4: 4 pooled + 1 overflow each; the 2 first buffers are reused.
        // Window 1's rule read the peak after one lease of round 5 came back: 1 out, then 5 at most.
        hold(slots, 5);
        hold(slots, 5);
        assertEquals(new Window(10, 2, 5, 4), windows.get(1));
        assertEquals(2, slots.capacity());
        assertEquals(2 * 16, slots.stats().retainedBytes(), "the 2 buffers beyond the new capacity are gone");
        assertEquals(2, slots.stats().resizes());
        // Window 3: 10 single acquires; window 2 closed on the first release of its last round, with 4 still
        // out, so window 3's peak is 4. Window 4 began with none out (closed by a single release): peak 1.
        for (int i = 0; i < 10; i++) {
            slots.acquire().close();
        }
        assertEquals(new Window(10, 0, 4, 2), windows.get(2));
        for (int i = 0; i < 10; i++) {
            slots.acquire().close();
        }
        assertEquals(new Window(10, 0, 1, 2), windows.get(3));
        assertEquals(2, slots.stats().resizes(), "the rule kept the capacity");
        slots.close();
    }

    @Test
    void anAcquireNeverRunsTheRuleTheNextReleaseDoes() {
        List<String> calledOn = new ArrayList<>();
        BufferSlots slots = new BufferSlots("test", settings(2), BufferMemory.heap(),
                BufferSlots.Shape.resizable(8, 3, w -> {
                    calledOn.add(Thread.currentThread().getName() + " " + w.acquires());
                    return 1;
                }));
        List<BufferLease> held = new ArrayList<>();
        for (int i = 0; i < 7; i++) { // more than two windows' worth of acquires, none released
            held.add(slots.acquire());
            assertEquals(List.of(), calledOn, "acquire " + (i + 1) + " ran the rule");
        }
        assertEquals(2, slots.capacity(), "no decision yet");
        Thread releaser = new Thread(() -> held.removeFirst().close(), "releaser");
        releaser.start();
        join(releaser);
        assertEquals(List.of("releaser 7"), calledOn, "one window of all 7 acquires, closed by the release");
        assertEquals(1, slots.capacity());
        held.forEach(BufferLease::close);
        assertEquals(1, calledOn.size(), "the other releases found no complete window");
        slots.close();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aLeasedBufferBeyondAShrunkCapacityIsLetGoWhenItComesBack() {
        int[] next = {1};
        BufferSlots slots = new BufferSlots("test", settings(3), BufferMemory.heap(),
                BufferSlots.Shape.resizable(3, 4, w -> next[0]));
        List<BufferLease> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // 3 pooled and one overflow; the 4th acquire completes the window
            held.add(slots.acquire());
        }
        assertEquals(3, slots.capacity(), "the window closes on the next release, not on an acquire");
        held.get(0).close(); // closes the window: capacity 1; its own buffer, free again, is let go at once
        assertEquals(1, slots.capacity());
        assertEquals(2 * 16, slots.stats().retainedBytes(), "the two leased stay until they come back");
        held.get(1).close();
        assertEquals(16, slots.stats().retainedBytes(), "two came back and went");
        held.get(2).close();
        held.get(3).close();
        assertEquals(16, slots.stats().retainedBytes(), "the capacity's one buffer stays");
        assertEquals(1, slots.stats().available());
        slots.close();
    }

    @Test
    void dropFreeKeepsOnlyTheLeasedBuffers() {
        BufferSlots slots = new BufferSlots("test", settings(4), BufferMemory.heap(), BufferSlots.Shape.fixed(4));
        BufferLease kept = slots.acquire();
        assertEquals(3, slots.dropFree());
        PoolStats stats = slots.stats();
        assertEquals(16, stats.retainedBytes());
        assertEquals(0, stats.available());
        kept.close();
        assertEquals(1, slots.stats().available());
        try (BufferLease again = slots.acquire()) {
            assertEquals(16, again.buffer().capacity());
        }
        assertEquals(0, slots.stats().overflowAllocations(), "dropped buffers are created again on demand");
        slots.close();
    }

    @Test
    void misuseMessagesSayWhatHappened() {
        BufferSlots slots = new BufferSlots("named", settings(1), BufferMemory.heap(), BufferSlots.Shape.fixed(1));
        BufferLease stale = slots.acquire();
        stale.close();
        assertEquals("cannot release the lease: this lease of pool 'named' was already released",
                assertThrows(IllegalStateException.class, stale::close).getMessage());
        BufferLease current = slots.acquire();
        assertEquals("cannot use the buffer: this lease of pool 'named' was already released "
                + "(its buffer has been leased again since)",
                assertThrows(IllegalStateException.class, stale::buffer).getMessage());
        slots.close();
        assertEquals("cannot use the buffer: pool 'named' is closed",
                assertThrows(IllegalStateException.class, current::buffer).getMessage());
        assertEquals("cannot acquire: pool 'named' is closed",
                assertThrows(IllegalStateException.class, slots::acquire).getMessage());
        current.close();
    }

    @Test
    void aFailingRuleKeepsTheCapacityAndFailsNoAcquire() {
        BufferSlots slots = new BufferSlots("test", settings(2), BufferMemory.heap(),
                BufferSlots.Shape.resizable(8, 3, w -> {
                    throw new IllegalStateException("broken rule");
                }));
        for (int i = 0; i < 10; i++) {
            slots.acquire().close();
        }
        PoolStats stats = slots.stats();
        assertEquals(2, stats.capacity());
        assertEquals(0, stats.outstanding(), "every lease came back, none lost to the failure");
        assertEquals(10, stats.releases());
        slots.close();
    }

    @Test
    void aCapacityAboveTheShapesMaximumIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BufferSlots(
                "test", settings(9), BufferMemory.heap(), BufferSlots.Shape.resizable(8, 10, w -> 8)));
        assertEquals("capacity must be between 1 and 8, was 9", e.getMessage());
    }

    @Test
    void aBufferIsHandedOutAsItIsHeldBySlot() {
        BufferSlots slots = new BufferSlots("test", settings(1), BufferMemory.heap(), BufferSlots.Shape.fixed(1));
        ByteBuffer first;
        try (BufferLease lease = slots.acquire()) {
            first = lease.buffer();
        }
        try (BufferLease lease = slots.acquire()) {
            assertSame(first, lease.buffer());
        }
        slots.close();
    }

    private static void hold(BufferSlots slots, int leases) {
        List<BufferLease> held = new ArrayList<>();
        for (int i = 0; i < leases; i++) {
            held.add(slots.acquire());
        }
        held.forEach(BufferLease::close);
    }
}
