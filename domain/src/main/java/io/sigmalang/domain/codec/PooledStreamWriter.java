package io.sigmalang.domain.codec;

import io.sigmalang.domain.wire.ByteSink;
import io.sigmalang.domain.wire.Crc16;
import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Writes one stream into buffers leased from the pool: the first buffer is given by the encoder, which holds
 * its lease itself; whenever the current buffer is full a further lease is taken and chained, so a stream of
 * any size is written through the pool whatever its buffer size. The CRC is kept up to date as bytes go in.
 * {@link #copyTo} then moves the stream to its destination; {@link #releaseChained} returns the chained leases,
 * and the encoder calls it (and releases its own lease) in a {@code finally} so that no path, failures
 * included, keeps one.
 *
 * <p>Why the first lease stays with the encoder: a lease is a small object created per acquire (its identity
 * is what makes a stale lease harmless). Held only in the encoder's local variable it does not escape, so the
 * JIT can remove its allocation; stored in an array it would cost an allocation per message. The chain array
 * is reused from stream to stream, so once grown it allocates nothing either.
 */
final class PooledStreamWriter implements ByteSink, EncodedStream {
    private final BufferPool pool;
    private BufferLease[] leases = new BufferLease[4];
    private int leaseCount;
    private ByteBuffer first;
    private ByteBuffer current;
    private int crc = Crc16.INITIAL;
    private long written;

    PooledStreamWriter(BufferPool pool) {
        this.pool = pool;
    }

    /** Starts a stream in {@code buffer}, the buffer of the lease the caller holds. */
    void start(ByteBuffer buffer) {
        if (!buffer.hasRemaining()) {
            throw noRoom();
        }
        first = buffer;
        current = buffer;
    }

    @Override
    public void write(int b) {
        ByteBuffer buf = current;
        if (!buf.hasRemaining()) {
            buf = nextBuffer();
        }
        buf.put((byte) b);
        crc = Crc16.update(crc, b);
        written++;
    }

    /** Writes {@code length} bytes of {@code bytes} from {@code offset}, buffer by buffer. */
    void write(byte[] bytes, int offset, int length) {
        int c = crc;
        for (int i = offset; i < offset + length; i++) {
            c = Crc16.update(c, bytes[i]);
        }
        crc = c;
        int at = offset;
        int left = length;
        while (left > 0) {
            ByteBuffer buf = current;
            if (!buf.hasRemaining()) {
                buf = nextBuffer();
            }
            int n = Math.min(left, buf.remaining());
            buf.put(bytes, at, n);
            at += n;
            left -= n;
        }
        written += length;
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
            throw noRoom();
        }
        current = buf;
        return buf;
    }

    private IllegalStateException noRoom() {
        return new IllegalStateException("buffer pool '" + pool.name() + "' handed out a buffer with no room");
    }

    /** Flips every buffer of the stream so that each holds its bytes from position 0 to its limit. */
    void seal() {
        first.flip();
        for (int i = 0; i < leaseCount; i++) {
            leases[i].buffer().flip();
        }
    }

    @Override
    public int size() {
        return (int) written;
    }

    @Override
    public int chunkCount() {
        return 1 + leaseCount;
    }

    @Override
    public ByteBuffer chunk(int index) {
        if (index < 0 || index > leaseCount) {
            throw new IndexOutOfBoundsException("chunk " + index + " of a stream in " + (1 + leaseCount) + " chunks");
        }
        return index == 0 ? first : leases[index - 1].buffer();
    }

    /** Copies the stream written so far to {@code out} at its position. */
    void copyTo(ByteBuffer out) {
        copy(first, out);
        for (int i = 0; i < leaseCount; i++) {
            copy(leases[i].buffer(), out);
        }
    }

    private static void copy(ByteBuffer from, ByteBuffer out) {
        out.put(out.position(), from, 0, from.position());
        out.position(out.position() + from.position());
    }

    /** Releases the leases chained for this stream and gets ready for the next one. */
    void releaseChained() {
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
        first = null;
        current = null;
        crc = Crc16.INITIAL;
        written = 0;
        if (failure != null) {
            throw failure;
        }
    }
}
