/**
 * The ΣLANG domain: the semantic tree model, format v2, the encoder and decoder, and the ports
 * ({@code BufferPool}, {@code Encoder}, {@code Decoder}, {@code Codebook}, {@code TextParser}). Depends only on
 * the JDK and runs on Java 21 and newer.
 *
 * <p>Exported, and public API under semantic versioning: the packages listed below. Not exported, internal,
 * free to change in any release: {@code io.sigmalang.domain.wire} (glyph reader and writer, stream frame,
 * CRC-16, UTF-8, byte sinks) and {@code io.sigmalang.domain.hash} (the Σ-hash). On the class path a module
 * descriptor is not enforced; the same packages are internal there too (README, "Versioning").
 */
module io.sigmalang.domain {
    exports io.sigmalang.domain.codebook;
    exports io.sigmalang.domain.codec;
    exports io.sigmalang.domain.format;
    exports io.sigmalang.domain.parser;
    exports io.sigmalang.domain.pool;
    exports io.sigmalang.domain.primitive;
    exports io.sigmalang.domain.tree;

    // MERGE with issue 11 (pool engine, /work/wt-pool): once io.sigmalang.domain.pool.engine and
    // io.sigmalang.domain.pool.spi exist, add exactly these lines (the engine is for the pool modules only; the
    // strategy SPI is public; PoolCatalog, in this module, calls ServiceLoader.load(PoolStrategyProvider.class)):
    //
    //     exports io.sigmalang.domain.pool.engine to io.sigmalang.pool.fixed, io.sigmalang.pool.adaptive,
    //             io.sigmalang.pool.offheap;
    //     exports io.sigmalang.domain.pool.spi;
    //     uses io.sigmalang.domain.pool.spi.PoolStrategyProvider;
    //
    // and annotate the module declaration with @SuppressWarnings("module"): the pool modules named in the
    // qualified export are built after the domain, so javac warns "module not found" (an error under -Werror).
    // Tried on a trial merge of the pool branch (295773f): with these lines, the pools' provides clauses and the
    // providers' explicit constructors, the six modules compile.
    //
    // The launcher runs on the class path and needs no descriptor: META-INF/services files serve it, and a
    // fourth strategy in test sources is found there too (qualified exports are not enforced on the class path).
}
