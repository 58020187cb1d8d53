package io.sigmalang.domain.codec;

import io.sigmalang.domain.format.ByteSink;
import io.sigmalang.domain.format.Crc16;
import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Writes one stream into buffers leased from the pool, chaining a further lease whenever the current buffer
 * is full, so a stream of any size is written through the pool whatever its buffer size. The CRC is kept up to
 * date as bytes go in. {@link #copyTo} then moves the stream to its destination; {@link #releaseAll} returns
 * every lease, and the encoder calls it in a {@code finally} so that no path, failures included, keeps one.
 *
 * <p>The lease array is reused from stream to stream: once it has grown to the largest chain needed, writing
 * allocates nothing.
 */
final class PooledStreamWriter implements ByteSink {
    private final BufferPool pool;
    private BufferLease[] leases = new BufferLease[4];
    private int leaseCount;
    private ByteBuffer current;
    private int crc = Crc16.INITIAL;
    private long written;

    PooledStreamWriter(BufferPool pool) {
        this.pool = pool;
    }

    @Override
    public void write(int b) {
        ByteBuffer buf = current;
        if (buf == null || !buf.hasRemaining()) {
            buf = nextBuffer();
        }
        buf.put((byte) b);
        crc = Crc16.update(crc, b);
        written++;
    }

    /** Writes the CRC of everything written so far, high byte first. */
    void writeCrc() {
        int value = crc;
        write(value >>> 8);
        write(value & 0xFF);
    }

    long written() {
        return written;
    }

    private ByteBuffer nextBuffer() {
        if (leaseCount == leases.length) {
            leases = Arrays.copyOf(leases, leaseCount * 2);
        }
        BufferLease lease = pool.acquire();
        leases[leaseCount++] = lease;
        ByteBuffer buf = lease.buffer();
        if (!buf.hasRemaining()) {
            throw new IllegalStateException("buffer pool '" + pool.name() + "' handed out a buffer with no room");
        }
        current = buf;
        return buf;
    }

    /** Copies the stream written so far to {@code out} at its position. */
    void copyTo(ByteBuffer out) {
        for (int i = 0; i < leaseCount; i++) {
            ByteBuffer buf = leases[i].buffer();
            out.put(out.position(), buf, 0, buf.position());
            out.position(out.position() + buf.position());
        }
    }

    /** Releases every lease taken for this stream and gets ready for the next one. */
    void releaseAll() {
        RuntimeException failure = null;
        for (int i = 0; i < leaseCount; i++) {
            try {
                leases[i].close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            leases[i] = null;
        }
        leaseCount = 0;
        current = null;
        crc = Crc16.INITIAL;
        written = 0;
        if (failure != null) {
            throw failure;
        }
    }
}
