package io.sigmalang.pool.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The off-heap pool's overflow memory alone: slabs, recycling, the bound on free buffers, retiring, closing. */
class OverflowSlabsTest {
    private final AtomicLong nativeBytes = new AtomicLong();

    @Test
    void slabSizesFollowTheBufferSize() {
        // At most 16 per slab and at most 256 KiB per slab, at least one buffer; sizes rounded up to 64 bytes.
        assertEquals(16, new OverflowSlabs(4096, 0, false, nativeBytes).perSlab());
        assertEquals(16, new OverflowSlabs(100, 0, false, nativeBytes).perSlab());
        assertEquals(4, new OverflowSlabs(64 * 1024, 0, false, nativeBytes).perSlab());
        assertEquals(1, new OverflowSlabs(1 << 20, 0, false, nativeBytes).perSlab());
    }

    @Test
    void aReleasedBufferIsLentAgainFirst() {
        OverflowSlabs slabs = new OverflowSlabs(1024, 16, false, nativeBytes);
        NativeMemory.NativeBlock a = slabs.lend();
        NativeMemory.NativeBlock b = slabs.lend();
        assertNotSame(a.buffer(), b.buffer());
        slabs.giveBack(a);
        assertSame(a.buffer(), slabs.lend().buffer());
        assertEquals(16 * 1024, nativeBytes.get(), "one slab");
        slabs.close();
        assertEquals(0, nativeBytes.get());
    }

    @Test
    void aRetiredBufferIsNeverLentAgain() {
        OverflowSlabs slabs = new OverflowSlabs(1024, 16, false, nativeBytes);
        List<ByteBuffer> lent = new ArrayList<>();
        NativeMemory.NativeBlock leaked = slabs.lend();
        slabs.retire(leaked);
        for (int i = 0; i < 15; i++) {
            lent.add(slabs.lend().buffer());
        }
        assertEquals(1, slabs.slabs(), "the other 15 of the slab");
        lent.forEach(buffer -> assertNotSame(leaked.buffer(), buffer));
        assertNotSame(leaked.buffer(), slabs.lend().buffer(), "the 17th comes from a new slab");
        assertEquals(2, slabs.slabs());
        slabs.close();
        assertThrows(IllegalStateException.class, () -> leaked.buffer().get(0), "freed with its slab");
    }

    @Test
    void aWhollyRetiredOrFreeSlabBeyondTheKeptFreeBuffersCloses() {
        OverflowSlabs slabs = new OverflowSlabs(1024, 0, false, nativeBytes);
        NativeMemory.NativeBlock a = slabs.lend();
        slabs.retire(a); // 15 free + 1 retired: unused, and nothing is to be kept: closed
        assertEquals(0, slabs.slabs());
        assertEquals(0, nativeBytes.get());
        assertThrows(IllegalStateException.class, () -> a.buffer().get(0));
        slabs.close();
    }

    @Test
    void afterCloseLendingThrowsAndGivingBackDoesNothing() {
        OverflowSlabs slabs = new OverflowSlabs(1024, 0, false, nativeBytes);
        NativeMemory.NativeBlock a = slabs.lend();
        slabs.close();
        assertEquals(0, nativeBytes.get());
        slabs.giveBack(a);
        assertEquals(0, nativeBytes.get());
        assertThrows(IllegalStateException.class, slabs::lend);
    }

    @Test
    void zeroingClearsAReleasedBuffer() {
        OverflowSlabs slabs = new OverflowSlabs(64, 16, true, nativeBytes);
        NativeMemory.NativeBlock a = slabs.lend();
        a.buffer().put(5, (byte) 9);
        slabs.giveBack(a);
        assertEquals(0, slabs.lend().buffer().get(5));
        slabs.close();
    }

    /**
     * Threads lend, write their own pattern, check it and give back, with nothing kept free, so that slabs are
     * closed and created all the time. A holder's buffer must never throw (its slab closed under it) nor show
     * another holder's bytes (lent twice).
     */
    @Test
    void concurrentHoldersNeverShareNorLoseTheirBuffer() throws InterruptedException {
        OverflowSlabs slabs = new OverflowSlabs(256, 0, false, nativeBytes);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t <= 4; t++) {
            byte mark = (byte) t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 20_000 && failure.get() == null; i++) {
                        NativeMemory.NativeBlock a = slabs.lend();
                        NativeMemory.NativeBlock b = slabs.lend();
                        for (int at = 0; at < 256; at += 51) {
                            a.buffer().put(at, mark);
                            b.buffer().put(at, mark);
                        }
                        Thread.onSpinWait();
                        for (int at = 0; at < 256; at += 51) {
                            if (a.buffer().get(at) != mark || b.buffer().get(at) != mark) {
                                throw new AssertionError("a buffer of thread " + mark + " was overwritten");
                            }
                        }
                        slabs.giveBack(a);
                        slabs.giveBack(b);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(0, slabs.slabs(), "nothing kept free, nothing out: every slab closed");
        assertEquals(0, nativeBytes.get());
        slabs.close();
    }
}
