package io.sigmalang.domain.codec;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.wire.ByteSink;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The buffers, leased from a conversation's pool, that hold the bytes of its context window: like a
 * compressor's window per stream, one conversation's recent full forms packed one after the other.
 *
 * <p>Bytes are appended at the tail and dropped at the head. Every byte has a position that only grows; byte
 * {@code p} lives in segment {@code p / size} at offset {@code p % size}, where {@code size} is the pool's
 * buffer size. The segments leased are exactly those from the one holding the head to the one holding the
 * tail: a segment is leased when the tail first reaches it and released as soon as the head has passed its
 * end. So a window smaller than a buffer usually lives in one lease, and any window lives in as many as it
 * spans, whatever the buffer size; a frame may straddle two or more segments.
 *
 * <p>{@link #rollback} puts the tail back where a message began (a message that failed), releasing what was
 * leased for it; {@link #close} releases everything. Leases are taken and released only here, never
 * implicitly. Every access to the buffers is absolute, so their position and limit are free to be set while a
 * stream is handed out ({@link #region}) and are restored afterwards. Not thread-safe.
 */
final class WindowBuffers implements ByteSink, EncodedStream {
    private final BufferPool pool;
    private final int bufferSize;
    /** log2(bufferSize) when bufferSize is a power of two (the usual case: shifts instead of divisions), else -1. */
    private final int shift;

    /** Segment k is held at index k &amp; (length - 1) of both arrays; the length is a power of two. */
    private BufferLease[] leases = new BufferLease[2];
    private ByteBuffer[] buffers = new ByteBuffer[2];
    private long firstSegment;
    private int segmentCount;
    private long head;
    private long tail;
    private boolean closed;
    /** The region handed out by {@link #region} (this object is its {@link EncodedStream}, no allocation). */
    private long regionSegment;
    private int regionChunks;
    private int regionSize;

    WindowBuffers(BufferPool pool) {
        this.pool = pool;
        this.bufferSize = pool.bufferSize();
        if (bufferSize < 1) {
            throw new IllegalStateException("buffer pool '" + pool.name() + "' has buffers of " + bufferSize
                    + " bytes (expected at least 1)");
        }
        this.shift = Integer.bitCount(bufferSize) == 1 ? Integer.numberOfTrailingZeros(bufferSize) : -1;
    }

    long head() {
        return head;
    }

    long tail() {
        return tail;
    }

    /** Leases held now. */
    int leaseCount() {
        return segmentCount;
    }

    @Override
    public void write(int b) {
        long at = tail;
        bufferFor(at).put(offset(at), (byte) b);
        tail = at + 1;
    }

    /** Appends {@code length} bytes of {@code src} from {@code offset}. */
    void write(byte[] src, int offset, int length) {
        int done = 0;
        while (done < length) {
            ByteBuffer buf = bufferFor(tail);
            int off = offset(tail);
            int n = Math.min(length - done, bufferSize - off);
            buf.put(off, src, offset + done, n);
            done += n;
            tail += n;
        }
    }

    /** Appends the bytes of {@code src} from index {@code from} to {@code to} (absolute, src unchanged). */
    void write(ByteBuffer src, int from, int to) {
        int at = from;
        while (at < to) {
            ByteBuffer buf = bufferFor(tail);
            int off = offset(tail);
            int n = Math.min(to - at, bufferSize - off);
            buf.put(off, src, at, n);
            at += n;
            tail += n;
        }
    }

    /** Leaves {@code n} bytes at the tail to be filled later with {@link #put}. */
    void skip(int n) {
        for (int i = 0; i < n; i++) {
            write(0);
        }
    }

    /** The byte at position {@code p}, which lies between the head and the tail. */
    byte get(long p) {
        return buffers[slotOf(p)].get(offset(p));
    }

    /** Overwrites the byte at position {@code p}, which lies between the head and the tail. */
    void put(long p, int b) {
        buffers[slotOf(p)].put(offset(p), (byte) b);
    }

    /** Copies the bytes from position {@code from} to {@code to} into {@code out} at {@code at}. */
    void copy(long from, long to, byte[] out, int at) {
        long p = from;
        while (p < to) {
            int off = offset(p);
            int n = (int) Math.min(to - p, bufferSize - off);
            buffers[slotOf(p)].get(off, out, at, n);
            at += n;
            p += n;
        }
    }

    /** Whether the bytes from position {@code from} on equal {@code other[0, length)}. */
    boolean equalsBytes(long from, byte[] other, int length) {
        long p = from;
        int at = 0;
        while (at < length) {
            ByteBuffer buf = buffers[slotOf(p)];
            int off = offset(p);
            int n = Math.min(length - at, bufferSize - off);
            for (int i = 0; i < n; i++) {
                if (buf.get(off + i) != other[at + i]) {
                    return false;
                }
            }
            at += n;
            p += n;
        }
        return true;
    }

    /** Copies the bytes from position {@code from} to {@code to} to {@code out} at its position, advancing it. */
    void copyTo(long from, long to, ByteBuffer out) {
        long p = from;
        while (p < to) {
            int off = offset(p);
            int n = (int) Math.min(to - p, bufferSize - off);
            out.put(out.position(), buffers[slotOf(p)], off, n);
            out.position(out.position() + n);
            p += n;
        }
    }

    /**
     * The bytes from position {@code from} to {@code to} as an {@link EncodedStream} over the window's own
     * buffers (no copy; the stream is this object, so handing it out allocates nothing): each chunk is a segment
     * with its position and limit set to the part of the region it holds. Valid until {@link #endRegion()},
     * which gives the segments back their whole capacity.
     */
    EncodedStream region(long from, long to) {
        long firstSeg = segmentOf(from);
        int chunks = (int) (segmentOf(to - 1) - firstSeg + 1);
        for (int i = 0; i < chunks; i++) {
            ByteBuffer buf = buffers[(int) ((firstSeg + i) & (buffers.length - 1))];
            buf.limit(i == chunks - 1 ? offset(to - 1) + 1 : bufferSize);
            buf.position(i == 0 ? offset(from) : 0);
        }
        regionSegment = firstSeg;
        regionChunks = chunks;
        regionSize = (int) (to - from);
        return this;
    }

    @Override
    public int size() {
        return regionSize;
    }

    @Override
    public int chunkCount() {
        return regionChunks;
    }

    @Override
    public ByteBuffer chunk(int index) {
        if (index < 0 || index >= regionChunks) {
            throw new IndexOutOfBoundsException("chunk " + index + " of a stream in " + regionChunks + " chunks");
        }
        return buffers[(int) ((regionSegment + index) & (buffers.length - 1))];
    }

    /** Restores every segment's position and limit after {@link #region}. */
    void endRegion() {
        regionChunks = 0;
        regionSize = 0;
        for (int i = 0; i < segmentCount; i++) {
            buffers[(int) ((firstSegment + i) & (buffers.length - 1))].clear();
        }
    }

    /** Drops every byte before position {@code p} (at most the tail), releasing the segments the head has passed. */
    void dropBefore(long p) {
        head = Math.max(head, Math.min(p, tail));
        while (segmentCount > 0 && (firstSegment + 1) * bufferSize <= head) {
            releaseFirst();
        }
    }

    /**
     * Puts the tail back to {@code mark} (a position between the head and the tail), forgetting the bytes after
     * it and releasing the segments that then hold none of the window's bytes.
     */
    void rollback(long mark) {
        tail = mark;
        while (segmentCount > 0 && (firstSegment + segmentCount - 1) * bufferSize >= tail) {
            releaseLast();
        }
        if (segmentCount == 0) {
            firstSegment = segmentOf(tail);
        }
    }

    /** Releases every lease; later writes throw. Closing twice does nothing. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        while (segmentCount > 0) {
            try {
                releaseLast();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        head = tail;
        if (failure != null) {
            throw failure;
        }
    }

    /** The buffer that holds (or will hold) the byte at the tail position {@code p}, leasing it when new. */
    private ByteBuffer bufferFor(long p) {
        long seg = segmentOf(p);
        if (segmentCount == 0) {
            firstSegment = seg;
        }
        if (seg == firstSegment + segmentCount) {
            leaseSegment();
        }
        return buffers[(int) (seg & (buffers.length - 1))];
    }

    private void leaseSegment() {
        if (closed) {
            throw new IllegalStateException("this conversation was closed: its window is released");
        }
        if (segmentCount == leases.length) {
            grow();
        }
        BufferLease lease = pool.acquire();
        ByteBuffer buf;
        try {
            buf = lease.buffer();
            if (buf.capacity() < bufferSize || buf.limit() < bufferSize) {
                throw new IllegalStateException("buffer pool '" + pool.name() + "' handed out a buffer of "
                        + buf.limit() + " bytes, not its buffer bufferSize of " + bufferSize);
            }
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        int slot = (int) ((firstSegment + segmentCount) & (leases.length - 1));
        leases[slot] = lease;
        buffers[slot] = buf;
        segmentCount++;
    }

    private void grow() {
        int length = leases.length * 2;
        BufferLease[] l = new BufferLease[length];
        ByteBuffer[] b = new ByteBuffer[length];
        for (int i = 0; i < segmentCount; i++) {
            long seg = firstSegment + i;
            l[(int) (seg & (length - 1))] = leases[(int) (seg & (leases.length - 1))];
            b[(int) (seg & (length - 1))] = buffers[(int) (seg & (leases.length - 1))];
        }
        leases = l;
        buffers = b;
    }

    private void releaseFirst() {
        int slot = (int) (firstSegment & (leases.length - 1));
        BufferLease lease = leases[slot];
        leases[slot] = null;
        buffers[slot] = null;
        firstSegment++;
        segmentCount--;
        lease.close();
    }

    private void releaseLast() {
        int slot = (int) ((firstSegment + segmentCount - 1) & (leases.length - 1));
        BufferLease lease = leases[slot];
        leases[slot] = null;
        buffers[slot] = null;
        segmentCount--;
        lease.close();
    }

    private long segmentOf(long p) {
        return shift >= 0 ? p >>> shift : p / bufferSize;
    }

    private int offset(long p) {
        return shift >= 0 ? (int) (p & (bufferSize - 1)) : (int) (p % bufferSize);
    }

    private int slotOf(long p) {
        return (int) (segmentOf(p) & (buffers.length - 1));
    }

    @Override
    public String toString() {
        return "WindowBuffers" + Arrays.asList(pool.name(), head, tail, segmentCount);
    }
}
