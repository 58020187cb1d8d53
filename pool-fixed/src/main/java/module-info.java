/** The fixed buffer-pool strategy: a set number of heap buffers, all allocated at construction. Java 21. */
module io.sigmalang.pool.fixed {
    requires transitive io.sigmalang.domain;

    exports io.sigmalang.pool.fixed;

    // MERGE with issue 11: once the strategy SPI exists, add
    //     provides io.sigmalang.domain.pool.spi.PoolStrategyProvider with io.sigmalang.pool.fixed.FixedPoolProvider;
    // and keep its META-INF/services file for class-path users. FixedPoolProvider then needs an explicit public no-arg
    // constructor: it is in an exported package of a module, and javac's missing-explicit-ctor check (-Werror)
    // refuses an implicit one there.
}
