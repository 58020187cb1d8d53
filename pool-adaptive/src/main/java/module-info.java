/** The adaptive buffer-pool strategy: heap buffers whose number follows demand between a floor and a cap. Java 21. */
module io.sigmalang.pool.adaptive {
    requires transitive io.sigmalang.domain;

    exports io.sigmalang.pool.adaptive;

    // MERGE with issue 11: once the strategy SPI exists, add
    //     provides io.sigmalang.domain.pool.spi.PoolStrategyProvider with io.sigmalang.pool.adaptive.AdaptivePoolProvider;
    // and keep its META-INF/services file for class-path users. AdaptivePoolProvider then needs an explicit public no-arg
    // constructor: it is in an exported package of a module, and javac's missing-explicit-ctor check (-Werror)
    // refuses an implicit one there.
}
