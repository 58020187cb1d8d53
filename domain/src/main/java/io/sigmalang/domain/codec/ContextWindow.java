package io.sigmalang.domain.codec;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.wire.ByteSink;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One conversation's context window: the full forms of its last {@code depth} messages, most recent first, as
 * {@link DeltaBase delta bases}. Encoder and decoder push every message's full-form glyphs in the same order,
 * so distance {@code d} names the same message on both sides.
 *
 * <p>The glyph bytes live in buffers leased from the conversation's pool ({@link WindowBuffers}), packed one
 * frame after the other, for as long as the conversation is open: a message's frame is written at the tail
 * ({@link #begin}, the glyphs, {@link #seal}), joins the window on {@link #commit} (the frame that falls out
 * then frees its bytes, and a buffer the window no longer reaches goes back to the pool), or is forgotten by
 * {@link #abort} when the message fails. {@link #close} releases every buffer. A window of depth 0 (the Σ-bank
 * on, the delta off) holds only the message being encoded or decoded.
 *
 * <p>A frame may reserve room before and after its glyphs (the encoder's stream header and CRC), so that on the
 * full path the stream that goes out is the frame itself, written once. Not thread-safe.
 */
final class ContextWindow implements ByteSink {
    private final WindowBuffers buffers;
    private final DeltaBase[] ring;
    private int newest = -1;
    private int size;
    private long heldBytes;
    /** The base the next message is written into: a new one while the window fills, then the one evicted. */
    private DeltaBase spare = new DeltaBase();
    /** Where the message being written began, and where its glyphs begin. */
    private long mark;
    private long glyphsFrom;

    ContextWindow(int depth, BufferPool pool) {
        this.ring = new DeltaBase[depth];
        this.buffers = new WindowBuffers(pool);
    }

    /**
     * Starts the next message's frame at the tail, leaving {@code headroom} bytes before its glyphs, and returns
     * the base it will be: write its glyphs into this window, then {@link #seal} it.
     */
    DeltaBase begin(int headroom) {
        mark = buffers.tail();
        buffers.skip(headroom);
        glyphsFrom = buffers.tail();
        return spare;
    }

    @Override
    public void write(int b) {
        buffers.write(b);
    }

    void write(byte[] src, int offset, int length) {
        buffers.write(src, offset, length);
    }

    void write(ByteBuffer src, int from, int to) {
        buffers.write(src, from, to);
    }

    /** Ends the glyphs of the message begun last, leaving {@code tailroom} bytes after them. */
    DeltaBase seal(int tailroom) {
        spare.attach(buffers, mark, glyphsFrom, buffers.tail());
        buffers.skip(tailroom);
        return spare;
    }

    /** Forgets the message begun last (it failed): its bytes, and the buffers leased only for them. */
    void abort() {
        buffers.rollback(mark);
    }

    /** The message begun and sealed last joins the window as its most recent base. */
    void commit() {
        DeltaBase message = spare;
        if (ring.length == 0) {
            buffers.dropBefore(buffers.tail());
            return;
        }
        heldBytes = heldBytesAfterPush(message.length());
        newest = (newest + 1) % ring.length;
        DeltaBase evicted = ring[newest];
        ring[newest] = message;
        size = Math.min(size + 1, ring.length);
        spare = evicted == null ? new DeltaBase() : evicted;
        buffers.dropBefore(get(size).regionStart());
    }

    /** The base {@code distance} messages back (1 = the previous message), or null past what is held. */
    DeltaBase get(int distance) {
        if (distance < 1 || distance > size) {
            return null;
        }
        return ring[Math.floorMod(newest - (distance - 1), ring.length)];
    }

    int size() {
        return size;
    }

    /** The full-form bytes of the bases held now. */
    long heldBytes() {
        return heldBytes;
    }

    /** What {@link #heldBytes()} would be after committing a message of {@code bytes}; changes nothing. */
    long heldBytesAfterPush(long bytes) {
        if (ring.length == 0) {
            return 0;
        }
        DeltaBase evicted = size == ring.length ? ring[(newest + 1) % ring.length] : null;
        return heldBytes + bytes - (evicted == null ? 0 : evicted.length());
    }

    /** The window's buffers, for handing a frame out as a stream. */
    WindowBuffers buffers() {
        return buffers;
    }

    /** Pool buffers held now. */
    int leaseCount() {
        return buffers.leaseCount();
    }

    /** Releases every buffer; the window holds nothing afterwards. Closing twice does nothing. */
    void close() {
        size = 0;
        newest = -1;
        heldBytes = 0;
        Arrays.fill(ring, null);
        buffers.close();
    }
}
