package io.sigmalang.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmalang.domain.pool.BufferLease;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SingleBufferPoolTest {

    @Test
    void handsOutTheSameClearedBufferEveryTime() {
        try (SingleBufferPool pool = new SingleBufferPool(64)) {
            ByteBuffer first;
            try (BufferLease lease = pool.acquire()) {
                first = lease.buffer();
                first.put(new byte[10]);
            }
            try (BufferLease lease = pool.acquire()) {
                assertSame(first, lease.buffer());
                assertEquals(0, lease.buffer().position());
                assertEquals(64, lease.buffer().limit());
            }
            assertEquals(2, pool.stats().acquires());
            assertEquals(0, pool.stats().outstanding());
        }
    }

    @Test
    void refusesASecondHolderAndAnyUseOfAReleasedLease() {
        SingleBufferPool pool = new SingleBufferPool(64);
        BufferLease lease = pool.acquire();
        assertThrows(IllegalStateException.class, pool::acquire);
        assertEquals(1, pool.stats().outstanding());
        lease.close();
        assertThrows(IllegalStateException.class, lease::close);
        assertThrows(IllegalStateException.class, lease::buffer);
        pool.close();
        assertThrows(IllegalStateException.class, pool::acquire);
    }

    @Test
    void withSeveralBuffersEachHolderGetsItsOwnUntilAllAreOut() {
        SingleBufferPool pool = new SingleBufferPool(64, 3);
        BufferLease a = pool.acquire();
        BufferLease b = pool.acquire();
        BufferLease c = pool.acquire();
        assertEquals(3, java.util.Set.of(System.identityHashCode(a.buffer()), System.identityHashCode(b.buffer()),
                System.identityHashCode(c.buffer())).size(), "three distinct buffers");
        assertThrows(IllegalStateException.class, pool::acquire);
        ByteBuffer freed = b.buffer();
        b.close();
        assertSame(freed, pool.acquire().buffer(), "the buffer released is the one handed out again");
        assertEquals(3, pool.stats().outstanding());
        assertEquals(3, pool.stats().peakOutstanding());
    }
}
