/**
 * The off-heap buffer-pool strategy: buffers in native memory through the FFM API. <strong>Needs Java 25</strong>
 * (its classes are Java 25 bytecode); the fixed and adaptive pools run on Java 21.
 */
module io.sigmalang.pool.offheap {
    requires transitive io.sigmalang.domain;

    exports io.sigmalang.pool.offheap;

    // MERGE with issue 11: once the strategy SPI exists, add
    //     provides io.sigmalang.domain.pool.spi.PoolStrategyProvider with io.sigmalang.pool.offheap.OffHeapPoolProvider;
    // and keep its META-INF/services file for class-path users. OffHeapPoolProvider then needs an explicit public no-arg
    // constructor: it is in an exported package of a module, and javac's missing-explicit-ctor check (-Werror)
    // refuses an implicit one there.
    // On a Java 21 JVM, ServiceLoader loads every provider class it iterates over: OffHeapPoolProvider must
    // then be bytecode that JVM can load (an older --release than the rest of the module, like
    // OffHeapRequirement; it refers to the module's Java 25 classes, so its compile must come after
    // default-compile, unlike the older-jvm-check execution in the pom), touch no Java 25 class in its static
    // initializer, and call OffHeapRequirement.check() at the top of create(). Otherwise one off-heap jar on a
    // Java 21 class path fails the iteration, and with it the lookup of the fixed and adaptive strategies too.
}
