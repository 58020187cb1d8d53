package io.sigmalang.pool.offheap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The off-heap strategy as a provider: its name, its knob, and the pool it builds. */
class OffHeapPoolProviderTest {
    private static final PoolCatalog CATALOG = PoolCatalog.of(List.of(new OffHeapPoolProvider()));

    @Test
    void itIsTheOffHeapStrategyWithItsZeroingKnob() {
        OffHeapPoolProvider provider = new OffHeapPoolProvider();
        assertEquals("offheap", provider.name());
        assertTrue(provider.description().contains("native"), provider.description());
        assertEquals(List.of("pool.offheap.zeroing"), provider.knobs().stream().map(k -> k.key()).toList());
    }

    @Test
    void itBuildsAnOffHeapPoolFromTheKnobs() {
        assertFalse(OffHeapPoolProvider.settings(CATALOG.configure("offheap", Map.of(), Map.of())).zeroOnRelease());
        OffHeapSettings zeroing = OffHeapPoolProvider.settings(
                CATALOG.configure("offheap", Map.of("pool.offheap.zeroing", "on-release", "pool.capacity", "3"), Map.of()));
        assertEquals(new OffHeapSettings(zeroing.pool(), true), zeroing);
        assertEquals(3, zeroing.pool().capacity());
        try (BufferPool pool = CATALOG.create("offheap", Map.of("pool.capacity", "3", "pool.buffer-size", "128"))) {
            OffHeapBufferPool offHeap = assertInstanceOf(OffHeapBufferPool.class, pool);
            assertEquals(3 * 128, offHeap.nativeBytes());
            assertEquals("OffHeapBufferPool[3 × 128 bytes, native]", offHeap.toString());
        }
    }
}
