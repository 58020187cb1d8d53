/**
 * The off-heap buffer-pool strategy: buffers in native memory through the FFM API. <strong>Needs Java 25</strong>
 * (its classes are Java 25 bytecode); the fixed and adaptive pools run on Java 21.
 */
module io.sigmalang.pool.offheap {
    requires transitive io.sigmalang.domain;

    exports io.sigmalang.pool.offheap;

    // MERGE with issue 11: once the strategy SPI exists, add
    //     provides io.sigmalang.domain.pool.spi.<the provider interface> with <this module's provider class>;
    // (and keep its META-INF/services file for class-path users).
}
