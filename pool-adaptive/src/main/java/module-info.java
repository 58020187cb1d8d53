/** The adaptive buffer-pool strategy: heap buffers whose number follows demand between a floor and a cap. Java 21. */
module io.sigmalang.pool.adaptive {
    requires transitive io.sigmalang.domain;

    exports io.sigmalang.pool.adaptive;

    provides io.sigmalang.domain.pool.spi.PoolStrategyProvider with io.sigmalang.pool.adaptive.AdaptivePoolProvider;
}
