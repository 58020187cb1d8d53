package io.sigmalang.domain.pool;

/**
 * Driven port: where the encoder gets the buffers it writes streams into.
 *
 * <p>Implementations are thread-safe. {@link #acquire()} hands out a {@link BufferLease} whose buffer is
 * positioned at 0 with its whole capacity ({@link #bufferSize()} bytes) as limit; no two holders ever hold the
 * same buffer at once. The lease is released exactly once, by {@link BufferLease#close()}. A pool never
 * blocks forever: when it has no free buffer it allocates an overflow buffer (counted in the stats), or
 * follows the bounded policy it was built with.
 */
public interface BufferPool extends AutoCloseable {

    /**
     * Leases a buffer of {@link #bufferSize()} bytes, positioned at 0 with its full capacity.
     *
     * @throws IllegalStateException when the pool is closed
     */
    BufferLease acquire();

    /** The capacity in bytes of every buffer this pool hands out. */
    int bufferSize();

    /** A point-in-time snapshot of the pool's counters. */
    PoolStats stats();

    /** A short name for messages and metrics, such as {@code "fixed"}. */
    String name();

    /** Frees what the pool holds; acquiring afterwards throws {@link IllegalStateException}. */
    @Override
    void close();
}
