/** The fixed buffer-pool strategy: a set number of heap buffers, all allocated at construction. Java 21. */
module io.sigmalang.pool.fixed {
    requires transitive io.sigmalang.domain;

    exports io.sigmalang.pool.fixed;

    provides io.sigmalang.domain.pool.spi.PoolStrategyProvider with io.sigmalang.pool.fixed.FixedPoolProvider;
}
