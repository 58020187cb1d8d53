package io.sigmalang.domain.pool;

/**
 * Thrown by {@link BufferPool#acquire()} when the pool is at its {@link PoolBound} and its policy is
 * {@link BoundPolicy#FAIL_FAST}, or {@link BoundPolicy#WAIT} ran out of time. Carries the pool's stats at the
 * moment it gave up.
 */
public final class PoolExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient PoolStats stats;

    public PoolExhaustedException(String message, PoolStats stats) {
        super(message);
        this.stats = stats;
    }

    /** The pool's stats when the acquire gave up. */
    public PoolStats stats() {
        return stats;
    }
}
