/**
 * The strategy service-provider interface: how a pool module makes its strategy known by name, with its
 * configuration keys, their defaults, rules and documentation, and a factory from a validated configuration to
 * a {@link io.sigmalang.domain.pool.BufferPool}; and {@link io.sigmalang.domain.pool.spi.PoolCatalog}, which
 * finds the strategies with {@link java.util.ServiceLoader} and builds the configured pool by name from a map
 * of settings, for any composition root, without compiling against the pool modules.
 */
package io.sigmalang.domain.pool.spi;
