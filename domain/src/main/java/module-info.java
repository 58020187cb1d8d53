/**
 * The ΣLANG domain: the semantic tree model, format v2, the encoder and decoder, and the ports
 * ({@code BufferPool}, {@code Encoder}, {@code Decoder}, {@code Codebook}, {@code TextParser},
 * {@code ConversationOutput}), and the batch use case ({@code BatchEncoder}). Depends only on
 * the JDK and runs on Java 21 and newer.
 *
 * <p>Exported, and public API under semantic versioning: the packages listed below. Not exported, internal,
 * free to change in any release: {@code io.sigmalang.domain.wire} (glyph reader and writer, stream frame,
 * CRC-16, UTF-8, byte sinks) and {@code io.sigmalang.domain.hash} (the Σ-hash). On the class path a module
 * descriptor is not enforced; the same packages are internal there too (README, "Versioning").
 */
// The pool modules named in the qualified export are built after this one: javac would warn "module not found".
@SuppressWarnings("module")
module io.sigmalang.domain {
    exports io.sigmalang.domain.batch;
    exports io.sigmalang.domain.codebook;
    exports io.sigmalang.domain.codec;
    exports io.sigmalang.domain.format;
    exports io.sigmalang.domain.parser;
    exports io.sigmalang.domain.pool;
    exports io.sigmalang.domain.primitive;
    exports io.sigmalang.domain.tree;

    // The pool engine is for the pool modules only; the strategy SPI is public. PoolCatalog, in this module,
    // looks the strategies up with ServiceLoader.
    exports io.sigmalang.domain.pool.engine to io.sigmalang.pool.fixed, io.sigmalang.pool.adaptive,
            io.sigmalang.pool.offheap;
    exports io.sigmalang.domain.pool.spi;

    uses io.sigmalang.domain.pool.spi.PoolStrategyProvider;

    // The launcher runs on the class path and needs no descriptor: META-INF/services files serve it, and a
    // fourth strategy in test sources is found there too (qualified exports are not enforced on the class path).
}
