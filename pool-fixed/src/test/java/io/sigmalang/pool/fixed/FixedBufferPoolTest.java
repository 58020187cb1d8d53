package io.sigmalang.pool.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.BufferPoolContract;
import io.sigmalang.domain.pool.PoolBound;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.domain.pool.PoolStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole pool contract, plus what is particular to a fixed pool: everything allocated up front. */
class FixedBufferPoolTest extends BufferPoolContract {

    @Override
    protected BufferPool newPool(PoolSettings settings) {
        return new FixedBufferPool(settings);
    }

    @Override
    protected String strategyPackage() {
        return "io.sigmalang.pool.fixed";
    }

    @Test
    void theDefaultIs32BuffersOf4096BytesAllAllocatedUpFront() {
        try (FixedBufferPool pool = new FixedBufferPool()) {
            PoolStats stats = pool.stats();
            assertEquals("fixed", stats.pool());
            assertEquals(32, stats.capacity());
            assertEquals(4096, stats.bufferSize());
            assertEquals(32, stats.available());
            assertEquals(32 * 4096, stats.retainedBytes());
            assertEquals(32 * 4096, stats.peakRetainedBytes());
        }
    }

    @Test
    void theRetainedBytesNeverChangeWhateverTheDemand() {
        try (FixedBufferPool pool = new FixedBufferPool(8, 512)) {
            List<BufferLease> leases = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                leases.add(pool.acquire());
                assertEquals(8 * 512, pool.stats().retainedBytes());
            }
            leases.forEach(BufferLease::close);
            PoolStats stats = pool.stats();
            assertEquals(8 * 512, stats.retainedBytes());
            assertEquals(8 * 512, stats.peakRetainedBytes());
            assertEquals(12, stats.overflowAllocations());
            assertEquals(0, stats.resizes());
        }
    }

    @Test
    void badSettingsAreRefusedWithWhatWasExpected() {
        IllegalArgumentException capacity = assertThrows(IllegalArgumentException.class,
                () -> new FixedBufferPool(0, 4096));
        assertEquals("capacity must be between 1 and 65536, was 0", capacity.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new FixedBufferPool(4, -1));
        assertEquals("bufferSize must be between 1 and 1073741824, was -1", size.getMessage());
        IllegalArgumentException bound = assertThrows(IllegalArgumentException.class,
                () -> new FixedBufferPool(PoolSettings.defaults().withBound(PoolBound.failFast(4096))));
        assertEquals("bound maxBytes must be at least capacity × bufferSize = 131072 for a pool that "
                + "preallocates its buffers, was 4096", bound.getMessage());
    }
}
