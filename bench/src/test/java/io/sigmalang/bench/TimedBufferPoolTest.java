package io.sigmalang.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.pool.BufferLease;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class TimedBufferPoolTest {

    @Test
    void countsEveryCallPassesBuffersThroughAndReusesItsWrappers() {
        SingleBufferPool inner = new SingleBufferPool(32);
        TimedBufferPool timed = new TimedBufferPool(inner);
        BufferLease first = timed.acquire();
        ByteBuffer buffer = first.buffer();
        first.close();
        BufferLease second = timed.acquire();

        assertSame(first, second, "the released wrapper is handed out again");
        assertSame(buffer, second.buffer(), "the wrapped pool's buffer");
        second.close();
        assertEquals(4, timed.acquireCalls() + timed.releaseCalls() + timed.slowRegions(), "two timed pairs");
        assertEquals(2, inner.stats().acquires());
        assertEquals(2, inner.stats().releases());
        assertEquals(0, inner.stats().outstanding());
        assertTrue(timed.acquireNanos() >= 0 && timed.releaseNanos() >= 0);
    }

    @Test
    void aReleasedWrapperRefusesUseWithoutReachingThePool() {
        SingleBufferPool inner = new SingleBufferPool(32);
        TimedBufferPool timed = new TimedBufferPool(inner);
        BufferLease lease = timed.acquire();
        lease.close();
        assertThrows(IllegalStateException.class, lease::close);
        assertThrows(IllegalStateException.class, lease::buffer);
        assertEquals(1, inner.stats().releases(), "the second close never reached the wrapped pool");
        assertEquals(2, timed.acquireCalls() + timed.releaseCalls() + timed.slowRegions(), "one timed pair");
    }
}
