/**
 * Buffer pools, as their users see them: the {@link io.sigmalang.domain.pool.BufferPool} port the encoder
 * leases its buffers from, its {@link io.sigmalang.domain.pool.BufferLease}, the
 * {@link io.sigmalang.domain.pool.PoolStats} snapshot, the common {@link io.sigmalang.domain.pool.PoolSettings}
 * (with the {@link io.sigmalang.domain.pool.PoolBound bound} and its {@link io.sigmalang.domain.pool.BoundPolicy
 * policy}, and {@link io.sigmalang.domain.pool.LeakDetection leak detection}) and the exceptions.
 *
 * <p>The machinery the strategies share is in {@code io.sigmalang.domain.pool.engine}, which only the pool
 * modules may use (an architecture rule checks it); strategies are found by name through
 * {@code io.sigmalang.domain.pool.spi}. The strategies are in the modules {@code pool-fixed},
 * {@code pool-adaptive} and {@code pool-offheap}; {@code docs/POOLS.md} compares them.
 */
package io.sigmalang.domain.pool;
