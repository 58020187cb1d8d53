package io.sigmalang.domain.pool.engine;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.BufferPoolContract;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.domain.pool.PoolStats;

/**
 * The whole pool contract run on the engine itself, with nothing of a strategy around it: heap memory, a
 * fixed preallocated shape, and a {@link BufferPool} that only forwards. A fault of the engine fails here,
 * where it is found, rather than three times in the strategy modules.
 */
class EngineContractTest extends BufferPoolContract {

    @Override
    protected BufferPool newPool(PoolSettings settings) {
        return new EngineOnly(new BufferSlots("engine", settings, BufferMemory.heap(),
                BufferSlots.Shape.fixed(settings.capacity())));
    }

    @Override
    protected String strategyPackage() {
        return "io.sigmalang.domain.pool.engine";
    }

    /** The engine as a pool, forwarding every call. */
    private record EngineOnly(BufferSlots slots) implements BufferPool {
        @Override
        public BufferLease acquire() {
            return slots.acquire();
        }

        @Override
        public int bufferSize() {
            return slots.bufferSize();
        }

        @Override
        public PoolStats stats() {
            return slots.stats();
        }

        @Override
        public String name() {
            return slots.poolName();
        }

        @Override
        public void close() {
            slots.close();
        }
    }
}
