/**
 * The off-heap buffer-pool strategy: buffers in native memory through the FFM API. <strong>Needs Java 25</strong>
 * (its classes are Java 25 bytecode); the fixed and adaptive pools run on Java 21.
 */
module io.sigmalang.pool.offheap {
    requires transitive io.sigmalang.domain;

    exports io.sigmalang.pool.offheap;

    provides io.sigmalang.domain.pool.spi.PoolStrategyProvider with io.sigmalang.pool.offheap.OffHeapPoolProvider;
}
