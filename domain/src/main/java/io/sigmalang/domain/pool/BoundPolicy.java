package io.sigmalang.domain.pool;

/**
 * What a pool does when serving an acquire would take the bytes it has handed out and retained past its
 * {@link PoolBound}. Whatever the policy, no acquire ever waits without a time limit.
 */
public enum BoundPolicy {
    /** Allocate an unpooled buffer anyway, counted as an overflow allocation and dropped on release. */
    ALLOCATE_UNPOOLED,
    /** Throw {@link PoolExhaustedException}, which carries the pool's stats, at once. */
    FAIL_FAST,
    /**
     * Wait up to {@link PoolBound#maxWait()} for a buffer to be released (or for the bytes to fall under the
     * bound), then throw {@link PoolExhaustedException}.
     */
    WAIT
}
