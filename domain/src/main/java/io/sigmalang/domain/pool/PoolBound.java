package io.sigmalang.domain.pool;

import java.time.Duration;

/**
 * An optional limit on the bytes a pool has allocated and not yet let go of: the buffers it retains (free or
 * leased) plus the overflow buffers still out. Below the bound a pool serves every acquire (from a free buffer,
 * a new pooled buffer, or an overflow buffer); at the bound it follows {@link #atBound()}.
 *
 * @param maxBytes the limit in bytes ({@link Long#MAX_VALUE} for none)
 * @param atBound  what happens at the limit
 * @param maxWait  how long {@link BoundPolicy#WAIT} waits (1 ms to 1 hour); {@link Duration#ZERO} for the
 *                 other policies
 */
public record PoolBound(long maxBytes, BoundPolicy atBound, Duration maxWait) {
    /** The longest a {@link BoundPolicy#WAIT} pool may be told to wait: nothing waits forever. */
    public static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private static final PoolBound NONE = new PoolBound(Long.MAX_VALUE, BoundPolicy.ALLOCATE_UNPOOLED, Duration.ZERO);

    public PoolBound {
        PoolChecks.between("bound maxBytes", maxBytes, 1, Long.MAX_VALUE);
        PoolChecks.notNull("bound policy", atBound);
        PoolChecks.notNull("bound maxWait", maxWait);
        if (atBound == BoundPolicy.WAIT) {
            PoolChecks.between("bound maxWait", maxWait, Duration.ofMillis(1), LONGEST_WAIT);
        } else if (!maxWait.isZero()) {
            throw new IllegalArgumentException(
                    "bound maxWait is only used by the WAIT policy and must be zero for " + atBound + ", was " + maxWait);
        }
    }

    /** No bound: a pool with no free buffer always allocates an overflow buffer. */
    public static PoolBound none() {
        return NONE;
    }

    /** A bound at which the pool still allocates, unpooled (the default policy). */
    public static PoolBound allocateUnpooled(long maxBytes) {
        return new PoolBound(maxBytes, BoundPolicy.ALLOCATE_UNPOOLED, Duration.ZERO);
    }

    /** A bound at which acquire throws {@link PoolExhaustedException} at once. */
    public static PoolBound failFast(long maxBytes) {
        return new PoolBound(maxBytes, BoundPolicy.FAIL_FAST, Duration.ZERO);
    }

    /** A bound at which acquire waits up to {@code maxWait}, then throws {@link PoolExhaustedException}. */
    public static PoolBound waitUpTo(long maxBytes, Duration maxWait) {
        return new PoolBound(maxBytes, BoundPolicy.WAIT, maxWait);
    }

    /** Whether this is a real limit ({@code false} for {@link #none()}). */
    public boolean isBounded() {
        return maxBytes != Long.MAX_VALUE;
    }
}
