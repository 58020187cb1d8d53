package io.sigmalang.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SynchronizedDequePoolTest {

    @Test
    void reusesReturnedBuffersClearedAndKeepsNoMoreThanItsCapacity() {
        SynchronizedDequePool pool = new SynchronizedDequePool(2, 16);
        assertEquals(2, pool.available());
        ByteBuffer a = pool.acquire();
        ByteBuffer b = pool.acquire();
        ByteBuffer extra = pool.acquire();
        assertNotSame(a, extra);
        assertNotSame(b, extra);
        assertEquals(0, pool.available());

        a.put(new byte[5]);
        pool.release(a);
        pool.release(b);
        pool.release(extra);
        assertEquals(2, pool.available(), "the third buffer is dropped");

        ByteBuffer again = pool.acquire();
        assertSame(b, again, "last in, first out");
        ByteBuffer cleared = pool.acquire();
        assertSame(a, cleared);
        assertEquals(0, cleared.position());
        assertEquals(16, cleared.limit());
    }
}
