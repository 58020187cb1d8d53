/**
 * Buffer pools: the {@link io.sigmalang.domain.pool.BufferPool} port the encoder leases its buffers from,
 * and the machinery every strategy shares.
 *
 * <p>The port is {@link io.sigmalang.domain.pool.BufferPool}, {@link io.sigmalang.domain.pool.BufferLease}
 * and {@link io.sigmalang.domain.pool.PoolStats}. A strategy is a
 * {@link io.sigmalang.domain.pool.BufferSlots} (slots with a generation-stamped state machine, striped
 * lock-free free lists, counters, the {@link io.sigmalang.domain.pool.PoolBound bound policy}, {@link
 * io.sigmalang.domain.pool.LeakDetection leak detection}, demand windows) given a
 * {@link io.sigmalang.domain.pool.BufferMemory} and a {@link io.sigmalang.domain.pool.BufferSlots.Shape}.
 * The strategies are in the modules {@code pool-fixed}, {@code pool-adaptive} and {@code pool-offheap};
 * {@code docs/POOLS.md} compares them.
 */
package io.sigmalang.domain.pool;
