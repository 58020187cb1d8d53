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
        assertEquals(5 * 1024, pool.nativeBytes(), "one overflow buffer");
        MemorySegment pooled = pool.segment(leases.getFirst());
        MemorySegment overflow = pool.segment(leases.getLast());
        leases.removeLast().close();
        assertEquals(4 * 1024, pool.nativeBytes(), "an overflow buffer is freed on release");
        assertFalse(overflow.scope().isAlive());

        pool.close();
        assertEquals(0, pool.nativeBytes());
        assertFalse(pooled.scope().isAlive(), "freed by close, without waiting for a collection");
        leases.forEach(BufferLease::close);
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
    void anOverflowBufferIsUnusableOnceReleased() {
        try (OffHeapBufferPool pool = new OffHeapBufferPool(settings(1, 64))) {
            BufferLease pooled = pool.acquire();
            BufferLease overflow = pool.acquire();
            ByteBuffer kept = overflow.buffer();
            overflow.close();
            assertThrows(IllegalStateException.class, () -> kept.put(0, (byte) 1));
            pooled.close();
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
