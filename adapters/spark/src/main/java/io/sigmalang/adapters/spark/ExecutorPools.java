package io.sigmalang.adapters.spark;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import java.util.HashMap;
import java.util.Map;

/**
 * One buffer pool per executor JVM and pool configuration (the {@code pool.*} keys): created by the first task that needs it, by strategy name
 * through {@link PoolCatalog} (the pool modules are on the job's class path, not compiled against), shared by
 * every task of the JVM after it, and closed when the JVM shuts down.
 *
 * <p>Its statistics reach the driver as changes: a task that ends takes the pool's snapshot and reports the
 * difference to the snapshot the previous report of this JVM took. Summed over the tasks, the changes of one pool
 * give its snapshot at the last task's end, whatever the tasks overlapped; summed over executors, the pools'
 * totals.
 */
final class ExecutorPools {
    private static final Map<Map<String, String>, Entry> POOLS = new HashMap<>();
    private static boolean hooked;

    private static final class Entry {
        final BufferPool pool;
        PoolStats reported;

        Entry(BufferPool pool) {
            this.pool = pool;
        }
    }

    private ExecutorPools() {
    }

    /** The pool of {@code config} in this JVM, created on first use. */
    static synchronized BufferPool pool(SigmaSparkConfig config) {
        Entry entry = POOLS.get(config.poolValues());
        if (entry == null) {
            PoolCatalog catalog = PoolCatalog.installed();
            entry = new Entry(catalog.create(config.poolConfiguration(catalog)));
            POOLS.put(config.poolValues(), entry);
            if (!hooked) {
                hooked = true;
                Runtime.getRuntime().addShutdownHook(new Thread(ExecutorPools::closeAll, "sigmalang-pools-close"));
            }
        }
        return entry.pool;
    }

    /** The change of {@code config}'s pool statistics since the last call, in the pool part of a stats vector. */
    static synchronized long[] reportChange(SigmaSparkConfig config) {
        Entry entry = POOLS.get(config.poolValues());
        if (entry == null) {
            return StatsVector.zero();
        }
        PoolStats now = entry.pool.stats();
        long[] change = StatsVector.poolChange(entry.reported, now);
        entry.reported = now;
        return change;
    }

    /** Closes every pool of this JVM (at shutdown; also for tests). A pool that fails to close is reported. */
    static synchronized void closeAll() {
        for (Entry entry : POOLS.values()) {
            try {
                entry.pool.close();
            } catch (RuntimeException e) {
                System.err.println("sigmalang: closing the " + entry.pool.name() + " pool failed: " + e.getMessage());
            }
        }
        POOLS.clear();
    }
}
