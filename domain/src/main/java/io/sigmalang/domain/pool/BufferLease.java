package io.sigmalang.domain.pool;

import java.nio.ByteBuffer;

/**
 * One buffer on loan from a {@link BufferPool}. Released exactly once: a second {@link #close()} throws
 * {@link IllegalStateException} naming the pool, and so does {@link #buffer()} after release, so a buffer
 * can never be used after it went back to the pool.
 */
public interface BufferLease extends AutoCloseable {

    /**
     * The leased buffer.
     *
     * @throws IllegalStateException when the lease was already released
     */
    ByteBuffer buffer();

    /**
     * Returns the buffer to its pool.
     *
     * @throws IllegalStateException when the lease was already released
     */
    @Override
    void close();
}
