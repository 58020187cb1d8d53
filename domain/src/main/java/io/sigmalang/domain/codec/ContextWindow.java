package io.sigmalang.domain.codec;

/**
 * The last few messages as delta bases, most recent first. Encoder and decoder push every message's
 * full-form glyphs in the same order, so distance {@code d} names the same message on both sides.
 */
final class ContextWindow {
    private final DeltaBase[] ring;
    private int newest = -1;
    private int size;
    private long heldBytes;

    ContextWindow(int depth) {
        this.ring = new DeltaBase[depth];
    }

    void push(DeltaBase base) {
        heldBytes = heldBytesAfterPush(base.bytes.length);
        newest = (newest + 1) % ring.length;
        ring[newest] = base;
        size = Math.min(size + 1, ring.length);
    }

    /**
     * Pushes {@code message} itself and returns a base the caller may reuse for its next message: the one that
     * falls out of the window, or a new one while the window is filling. The encoder's path: a message's full
     * form is written once, into the base that then stays in the window, with no copy and no allocation.
     */
    DeltaBase pushAndRecycle(DeltaBase message) {
        int next = (newest + 1) % ring.length;
        DeltaBase evicted = size == ring.length ? ring[next] : null;
        push(message);
        return evicted == null ? new DeltaBase() : evicted;
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

    /** What {@link #heldBytes()} would be after pushing a base of {@code bytes}; changes nothing. */
    long heldBytesAfterPush(long bytes) {
        DeltaBase evicted = size == ring.length ? ring[(newest + 1) % ring.length] : null;
        return heldBytes + bytes - (evicted == null ? 0 : evicted.bytes.length);
    }
}
