package io.sigmalang.pool.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.BufferPoolContract;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.domain.pool.PoolStats;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole pool contract, plus what native memory adds: freed at close, unusable after it, no heap. */
class OffHeapBufferPoolTest extends BufferPoolContract {

    @Override
    protected BufferPool newPool(PoolSettings settings) {
        return new OffHeapBufferPool(settings);
    }

    @Override
    protected String strategyPackage() {
        return "io.sigmalang.pool.offheap";
    }

    @Test
    void buffersAreDirectAndNotBackedByAnArray() {
        try (OffHeapBufferPool pool = new OffHeapBufferPool(); BufferLease lease = pool.acquire()) {
            ByteBuffer buffer = lease.buffer();
            assertTrue(buffer.isDirect());
            assertFalse(buffer.hasArray());
            assertEquals(4096, buffer.capacity());
            assertEquals("offheap", pool.stats().pool());
        }
    }

    @Test
    void closeFreesTheNativeMemoryAtOnce() {
        OffHeapBufferPool pool = new OffHeapBufferPool(settings(4, 1024));
        assertEquals(4 * 1024, pool.nativeBytes(), "allocated up front");
        List<BufferLease> leases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leases.add(pool.acquire());
        }
        // The overflow buffer comes from a slab of 16 (256 KiB / 1 KiB = 256, at most 16).
        assertEquals((4 + 16) * 1024, pool.nativeBytes(), "one overflow slab");
        MemorySegment pooled = pool.segment(leases.getFirst());
        MemorySegment overflow = pool.segment(leases.getLast());
        leases.removeLast().close();
        // Its slab is wholly free, but closing it would leave fewer than 2 × 4 = 8 free overflow buffers: kept.
        assertEquals((4 + 16) * 1024, pool.nativeBytes(), "the slab is kept for reuse");
        assertTrue(overflow.scope().isAlive());

        pool.close();
        assertEquals(0, pool.nativeBytes());
        assertFalse(pooled.scope().isAlive(), "freed by close, without waiting for a collection");
        assertFalse(overflow.scope().isAlive(), "overflow slabs too");
        leases.forEach(BufferLease::close);
    }

    @Test
    void overflowMemoryIsReusedBoundedAndFreedAtClose() {
        OffHeapBufferPool pool = new OffHeapBufferPool(settings(4, 1024));
        List<BufferLease> held = new ArrayList<>();
        for (int i = 0; i < 44; i++) { // 4 pooled, 40 overflow: slabs of 16, 16 and 8 of 16
            held.add(pool.acquire());
        }
        assertEquals((4 + 48) * 1024, pool.nativeBytes(), "three slabs");
        ByteBuffer fromFirstSlab = held.get(4).buffer();
        ByteBuffer fromLastSlab = held.get(43).buffer();
        // Released in acquire order. When the first slab's 16th buffer comes back, 8 spare of the third slab and
        // the first slab's 16 are free: closing the first leaves 8 = 2 × capacity, so it closes. The same for the
        // second (8 + 16). The third, wholly free at the end, would leave 0: kept.
        for (int i = 0; i < 20; i++) {
            held.get(i).close();
        }
        assertEquals((4 + 32) * 1024, pool.nativeBytes(), "the first slab closed");
        assertThrows(IllegalStateException.class, () -> fromFirstSlab.put(0, (byte) 1),
                "a buffer kept from a closed slab throws instead of touching freed memory");
        held.subList(20, 44).forEach(BufferLease::close);
        assertEquals((4 + 16) * 1024, pool.nativeBytes(), "bounded: one slab left");
        long overflows = pool.stats().overflowAllocations();

        held.clear();
        for (int i = 0; i < 20; i++) { // 16 overflow: all from the slab kept
            held.add(pool.acquire());
        }
        assertEquals((4 + 16) * 1024, pool.nativeBytes(), "reused: no new slab");
        assertEquals(overflows + 16, pool.stats().overflowAllocations());
        held.forEach(BufferLease::close);

        pool.close();
        assertEquals(0, pool.nativeBytes());
        assertThrows(IllegalStateException.class, () -> fromLastSlab.get(0), "freed at close");
    }

    @Test
    void accessAfterCloseThrowsInsteadOfTouchingFreedMemory() {
        OffHeapBufferPool pool = new OffHeapBufferPool(settings(2, 256));
        BufferLease lease = pool.acquire();
        ByteBuffer buffer = lease.buffer();
        MemorySegment segment = pool.segment(lease);
        buffer.put(0, (byte) 1);
        pool.close();

        assertThrows(IllegalStateException.class, lease::buffer);
        assertThrows(IllegalStateException.class, () -> pool.segment(lease));
        assertThrows(IllegalStateException.class, () -> buffer.put(0, (byte) 2));
        assertThrows(IllegalStateException.class, () -> buffer.get(0));
        assertThrows(IllegalStateException.class, () -> buffer.put(new byte[16]));
        assertThrows(IllegalStateException.class, () -> segment.get(ValueLayout.JAVA_BYTE, 0));
        lease.close();
    }

    @Test
    void aStaleOverflowLeaseNeverReachesTheNextHolderOfItsRecycledBuffer() {
        try (OffHeapBufferPool pool = new OffHeapBufferPool(settings(1, 64))) {
            BufferLease pooled = pool.acquire();
            BufferLease stale = pool.acquire();
            ByteBuffer first = stale.buffer();
            stale.close();
            BufferLease next = pool.acquire();
            assertSame(first, next.buffer(), "the overflow buffer is recycled");
            next.buffer().put(0, (byte) 7);
            assertThrows(IllegalStateException.class, stale::buffer);
            assertThrows(IllegalStateException.class, stale::close);
            assertThrows(IllegalStateException.class, () -> pool.segment(stale));
            assertEquals(7, next.buffer().get(0), "the next holder's lease and bytes are untouched");
            next.close();
            pooled.close();
            assertEquals(3, pool.stats().releases(), "three leases, each released once; the refused close not counted");
        }
    }

    @Test
    void theSegmentAndTheBufferAreTheSameBytes() {
        try (OffHeapBufferPool pool = new OffHeapBufferPool(settings(1, 64));
                OffHeapBufferPool other = new OffHeapBufferPool(settings(1, 64))) {
            BufferLease lease = pool.acquire();
            MemorySegment segment = pool.segment(lease);
            assertEquals(64, segment.byteSize());
            segment.set(ValueLayout.JAVA_BYTE, 10, (byte) 42);
            assertEquals(42, lease.buffer().get(10));
            assertThrows(IllegalArgumentException.class, () -> other.segment(lease));
            lease.close();
            assertThrows(IllegalStateException.class, () -> pool.segment(lease));
        }
    }

    @Test
    void releasedBuffersAreZeroedOnlyWhenAskedTo() {
        for (boolean zero : new boolean[] {false, true}) {
            OffHeapSettings settings = new OffHeapSettings(settings(1, 64), zero);
            try (OffHeapBufferPool pool = new OffHeapBufferPool(settings)) {
                ByteBuffer first;
                try (BufferLease lease = pool.acquire()) {
                    first = lease.buffer();
                    first.put(0, (byte) 0x7F).put(63, (byte) 0x7F);
                }
                try (BufferLease lease = pool.acquire()) {
                    assertSame(first, lease.buffer(), "a pool of one lends its buffer again");
                    int expected = zero ? 0 : 0x7F;
                    assertEquals(expected, lease.buffer().get(0), "zeroOnRelease " + zero);
                    assertEquals(expected, lease.buffer().get(63), "zeroOnRelease " + zero);
                }
            }
        }
        assertFalse(OffHeapSettings.defaults().zeroOnRelease(), "the documented default");
    }

    @Test
    void theHeapDoesNotGrowWithThePool() {
        long before = usedHeapAfterCollection();
        try (OffHeapBufferPool pool = new OffHeapBufferPool(settings(1024, 64 * 1024))) {
            assertEquals(64L << 20, pool.nativeBytes());
            long grown = usedHeapAfterCollection() - before;
            assertTrue(grown < 8L << 20, "64 MiB of buffers took " + grown + " bytes of heap");
            PoolStats stats = pool.stats();
            assertEquals(64L << 20, stats.retainedBytes());
        }
    }

    private static long usedHeapAfterCollection() {
        gcRounds(2);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
