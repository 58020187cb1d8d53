package io.sigmalang.pool.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.domain.pool.PoolStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adaptive pool driven by scripted demand from one thread. Every expected capacity is derived from the rule
 * in the comment above it, not read off a run.
 *
 * <p>Facts the derivations use: buffers are created on demand up to the capacity; a lease beyond it is an
 * overflow buffer, dropped on release. A window is decided off the acquire path: its 100th acquire only asks for
 * a review, and the <em>first release after it</em> closes the window (after giving its own buffer back); the
 * new capacity applies from then on, so the rest of that round's releases already see it. In {@code cycle(50)}
 * the 100th acquire is the last of a cycle, so the window holds exactly 100 acquires and closes on the cycle's
 * first release, with 49 leases still out. The peak of leases out at once is read only by a window that
 * considers shrinking, and counts from the leases out at the previous such read (or from the start).
 */
class AdaptiveScenarioTest {
    private static final int SIZE = 64;
    private final AtomicLong clock = new AtomicLong();
    private final AdaptiveBufferPool pool = new AdaptiveBufferPool(
            AdaptiveSettings.defaults().withPool(PoolSettings.defaults().withCapacity(16).withBufferSize(SIZE)),
            clock::get);

    @AfterEach
    void close() {
        pool.close();
    }

    /** Acquires {@code leases} buffers, holding them all, then releases them all. */
    private void cycle(int leases) {
        List<BufferLease> held = new ArrayList<>();
        for (int i = 0; i < leases; i++) {
            held.add(pool.acquire());
        }
        held.forEach(BufferLease::close);
    }

    private void assertPool(int capacity, int retainedBuffers, long overflows, String when) {
        PoolStats stats = pool.stats();
        assertEquals(capacity, stats.capacity(), "capacity " + when);
        assertEquals((long) retainedBuffers * SIZE, stats.retainedBytes(), "retained bytes " + when);
        assertEquals(overflows, stats.overflowAllocations(), "overflow allocations " + when);
    }

    @Test
    void fiftyConcurrentLeasesGrowThePoolThenOneAtATimeShrinksItAndItsRetainedBytes() {
        // Window 1 (capacity 16), cycles 1-2 of 50: each 16 pooled + 34 overflow. 68 % > 5 %: 16 × 1.5 = 24.
        cycle(50);
        cycle(50);
        assertPool(24, 16, 68, "after window 1");
        // Window 2 (24): cycle 3 takes the 16 free, creates 8, overflows 26; cycle 4: 24 pooled + 26.
        // 52 % > 5 %: 24 × 1.5 = 36.
        cycle(50);
        cycle(50);
        assertPool(36, 24, 68 + 52, "after window 2");
        // Window 3 (36): cycle 5: 24 free + 12 created + 14 overflow; cycle 6: 36 + 14. 28 %: 36 × 1.5 = 54.
        cycle(50);
        cycle(50);
        assertPool(54, 36, 120 + 28, "after window 3");
        // Window 4 (54): cycle 7: 36 free + 14 created, no overflow; cycle 8: 50 pooled. 0 % < 1 % and
        // 54 > 16: 54 × 0.75 = 40.5 → 40, but the peak since the start is 50: 50. All 50 buffers are kept.
        // (Windows 1-3 grew, so nothing read the peak before.) Read on cycle 8's first release: 49 out.
        cycle(50);
        cycle(50);
        assertPool(50, 50, 148, "after window 4");
        // Window 5 (50): 0 %, peak 50 (cycle 9): 50 × 0.75 = 37 raised to 50, unchanged. The load is steady.
        // Read on cycle 10's first release: 49 still out.
        cycle(50);
        cycle(50);
        assertPool(50, 50, 148, "after window 5");

        // One lease at a time from here. Window 6's peak counts from the 49 out when window 5 read it:
        // 50 × 0.75 = 37 raised to 49; the one free buffer beyond 49 is let go.
        repeatSingle(100);
        assertPool(49, 49, 148, "after window 6");
        // Window 6 read its peak on a single release, with none out: window 7's peak is 1.
        // 49 × 0.75 = 36.75 → 36; 13 free buffers are let go.
        repeatSingle(100);
        assertPool(36, 36, 148, "after window 7");
        // 36 × 0.75 = 27; 27 × 0.75 = 20.25 → 20; 20 × 0.75 = 15 → the floor, 16.
        repeatSingle(100);
        assertPool(27, 27, 148, "after window 8");
        repeatSingle(100);
        assertPool(20, 20, 148, "after window 9");
        repeatSingle(100);
        assertPool(16, 16, 148, "after window 10");
        // At the floor: no further change.
        repeatSingle(300);
        assertPool(16, 16, 148, "after window 13");

        PoolStats stats = pool.stats();
        assertEquals(9, stats.resizes(), "24, 36, 54, 50, 49, 36, 27, 20, 16");
        assertEquals(50, stats.peakOutstanding());
        assertEquals(50L * SIZE, stats.peakRetainedBytes());
        assertEquals(1300, stats.acquires());
        assertEquals(0, stats.outstanding());
    }

    @Test
    void aSteadyLoadSettlesInsteadOfOscillating() {
        // Window 1 (16): 5 cycles of 20, each 16 pooled + 4 overflow: 20 % > 5 %: 24 (closed on cycle 5's
        // first release; growing reads no peak).
        // Window 2 (24): 16 free + 4 created, then 20 pooled; 0 %: 24 × 0.75 = 18, raised to the peak 20.
        // Window 3 on (20): 0 %; 20 × 0.75 = 15, raised to 20 (20 out in each cycle): unchanged.
        // Without the peak as a floor it would swing: 18 → 20 leases overflow 2 (10 %) → 27 → 20 → 16 → ...
        for (int window = 1; window <= 20; window++) {
            for (int c = 0; c < 5; c++) {
                cycle(20);
            }
            int expected = switch (window) {
                case 1 -> 24;
                default -> 20;
            };
            assertEquals(expected, pool.capacity(), "capacity after window " + window);
        }
        PoolStats stats = pool.stats();
        assertEquals(2, stats.resizes());
        assertEquals(20, stats.overflowAllocations(), "only the first window overflowed");
        assertEquals(20L * SIZE, stats.retainedBytes());
    }

    @Test
    void anIdlePoolLetsItsFreeBuffersGoDownToWhatItsLeasesHold() {
        Duration idle = AdaptiveSettings.DEFAULT_IDLE_TRIM_AFTER;
        List<BufferLease> kept = List.of(pool.acquire(), pool.acquire());
        cycle(8); // 10 buffers created, 8 of them free again
        assertPool(16, 10, 0, "before idling");

        assertEquals(0, pool.trim(), "the stats() just above saw the acquires: activity, not idleness");
        clock.addAndGet(idle.toNanos() - 1);
        assertEquals(0, pool.trim(), "one nanosecond short of the idle time");
        assertPool(16, 10, 0, "not yet idle");
        clock.addAndGet(1);
        assertEquals(8L * SIZE, pool.trim(), "idle: the 8 free buffers go");
        assertPool(16, 2, 0, "after the trim: what the two leases hold");
        assertEquals(0, pool.stats().available());

        kept.forEach(BufferLease::close);
        try (BufferLease lease = pool.acquire()) {
            assertEquals(SIZE, lease.buffer().capacity());
        }
        assertEquals(0, pool.stats().overflowAllocations(), "the capacity is kept; buffers come back on demand");
    }

    @Test
    void anAcquireRestartsTheIdleTime() {
        long idle = AdaptiveSettings.DEFAULT_IDLE_TRIM_AFTER.toNanos();
        cycle(4);
        pool.stats(); // observes the acquires at time 0
        clock.addAndGet(idle - 1);
        cycle(1);
        clock.addAndGet(1);
        assertPool(16, 4, 0, "an acquire happened within the idle time"); // stats() observes it: activity
        clock.addAndGet(idle - 1);
        assertPool(16, 4, 0, "the idle time counts from that observation");
        clock.addAndGet(1);
        assertPool(16, 0, 0, "idle: stats() trims too");
    }

    private void repeatSingle(int times) {
        for (int i = 0; i < times; i++) {
            pool.acquire().close();
        }
    }
}
