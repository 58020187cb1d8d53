package io.sigmalang.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import org.junit.jupiter.api.Test;

class ExecutorPoolsTest {

    @Test
    void oneJvmHasOnePoolPerPoolConfigurationWhateverTheEncoderKeysAndClosesThemAll() {
        SigmaSparkConfig three = SigmaSparkConfig.defaults().with("pool.strategy", "fixed").with("pool.capacity", "3");
        BufferPool pool = ExecutorPools.pool(three);
        assertSame(pool, ExecutorPools.pool(three.with("encoder.context-depth", "2").withFailFast(true)),
                "the encoder keys do not make another pool");
        assertEquals(3, pool.stats().capacity());
        BufferPool four = ExecutorPools.pool(three.with("pool.capacity", "4"));
        assertNotSame(pool, four);

        ExecutorPools.closeAll();

        assertThrows(IllegalStateException.class, pool::acquire, "closed");
        assertThrows(IllegalStateException.class, four::acquire, "closed");
        BufferPool again = ExecutorPools.pool(three);
        assertNotSame(pool, again, "a new pool after the old ones were closed");
        BufferLease lease = again.acquire();
        assertEquals(1, again.stats().outstanding());
        lease.close();
    }

    @Test
    void aTaskReportsTheChangeOfItsPoolSinceThePreviousReport() {
        SigmaSparkConfig config = SigmaSparkConfig.defaults().with("pool.strategy", "fixed").with("pool.capacity", "5");
        BufferPool pool = ExecutorPools.pool(config);
        ExecutorPools.reportChange(config);
        for (int i = 0; i < 7; i++) {
            pool.acquire().close();
        }
        long[] first = ExecutorPools.reportChange(config);
        assertEquals(7, first[StatsVector.POOL_ACQUIRES]);
        assertEquals(0, first[StatsVector.POOL_CAPACITY], "unchanged since the previous report");
        pool.acquire().close();
        assertEquals(1, ExecutorPools.reportChange(config)[StatsVector.POOL_ACQUIRES]);
    }
}
