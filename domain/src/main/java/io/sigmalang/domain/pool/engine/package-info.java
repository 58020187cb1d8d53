/**
 * The pool engine every strategy shares: not API. Only the pool modules (and the domain's own pool packages)
 * may use it, which an architecture rule in the launcher's tests checks; applications use
 * {@code io.sigmalang.domain.pool} and choose a strategy by its class or by name through
 * {@code io.sigmalang.domain.pool.spi}.
 *
 * <p>{@link io.sigmalang.domain.pool.engine.BufferSlots} is a strategy's engine: given a
 * {@link io.sigmalang.domain.pool.engine.BufferMemory} (where buffers live) and a
 * {@link io.sigmalang.domain.pool.engine.BufferSlots.Shape} (preallocated or on demand, fixed or resizable),
 * it runs acquire and release. Each concern it needs is one class with its design comment:
 * {@link io.sigmalang.domain.pool.engine.Slot} (the lease state machine, its transitions named),
 * {@link io.sigmalang.domain.pool.engine.FreeStacks} (striped lock-free free lists),
 * {@link io.sigmalang.domain.pool.engine.ByteBudget} (the bound and its policy),
 * {@link io.sigmalang.domain.pool.engine.OverflowBuffers} (buffers lent beyond capacity),
 * {@link io.sigmalang.domain.pool.engine.LeakDetector} (leak tracking) and
 * {@link io.sigmalang.domain.pool.engine.DemandCells} (the exact peak and the demand windows); statistics are
 * summed from the slots' generations in {@link io.sigmalang.domain.pool.engine.BufferSlots#stats()}.
 */
package io.sigmalang.domain.pool.engine;
