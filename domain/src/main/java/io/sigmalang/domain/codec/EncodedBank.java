package io.sigmalang.domain.codec;

import java.util.Arrays;

/**
 * The Σ-bank of an encoder and of a decoder: recent trees by Σ-hash, bounded, least recently recorded evicted
 * first, each tree held as its full-form glyph bytes instead of as objects.
 *
 * <p>Encoder and decoder each keep one and apply the same operation for every message, in the same order:
 * {@link #record} the message's full form under its hash (a hash keeps only its latest tree; past capacity the
 * least recently recorded goes). Looking up changes nothing. So the two banks hold the same trees after every
 * message, evictions included, and every reference the encoder emits resolves in the decoder, which rebuilds
 * the tree from the bytes. The full form is exact and deterministic, so two trees are equal exactly when their
 * full forms are: comparing bytes keeps the equal-tree check before every bank reference (a hash shared by two
 * trees costs a full encoding, never a wrong decode), at a fraction of the memory (a message's full form is
 * tens of bytes, its object tree hundreds).
 *
 * <p>Primitive tables only: an open-addressing table of slot numbers keyed by the slots' hashes (deletion by
 * backward shift), the recording order as a doubly linked list of slot numbers, one exact-size byte array per
 * slot, reused while the form keeps its length. Recording a tree already held allocates nothing. Not thread-safe.
 */
final class EncodedBank {
    private static final int NONE = -1;

    /** Slots the bank starts with; it doubles up to its capacity as it fills, so a short conversation stays small. */
    private static final int INITIAL_SLOTS = 16;

    private final int capacity;
    private int[] tableSlots;
    private int mask;

    private int[] hashes;
    private byte[][] forms;
    private int[] glyphCounts;
    private long heldBytes;
    private int[] older;
    private int[] newer;
    private int eldest = NONE;
    private int newest = NONE;
    private int size;

    EncodedBank(int capacity) {
        this.capacity = capacity;
        int slots = Math.min(capacity, INITIAL_SLOTS);
        this.hashes = new int[slots];
        this.forms = new byte[slots][];
        this.glyphCounts = new int[slots];
        this.older = new int[slots];
        this.newer = new int[slots];
        buildTable(slots);
    }

    /** A hash table of at least twice {@code slots} entries (at most half full), holding the current slots. */
    private void buildTable(int slots) {
        int size = Integer.highestOneBit(Math.max(2, slots) * 2 - 1) << 1;
        tableSlots = new int[size];
        Arrays.fill(tableSlots, NONE);
        mask = size - 1;
        for (int s = eldest; s != NONE; s = newer[s]) {
            insertKey(hashes[s], s);
        }
    }

    /** Doubles the slot arrays (up to the capacity) and rebuilds the table for them. */
    private void grow() {
        int slots = Math.min(capacity, hashes.length * 2);
        hashes = Arrays.copyOf(hashes, slots);
        forms = Arrays.copyOf(forms, slots);
        glyphCounts = Arrays.copyOf(glyphCounts, slots);
        older = Arrays.copyOf(older, slots);
        newer = Arrays.copyOf(newer, slots);
        buildTable(slots);
    }

    /** Whether the bank holds, under {@code hash}, exactly the tree whose full form is {@code form[0, length)}. */
    Lookup find(int hash, byte[] form, int length) {
        int slot = slotOf(hash);
        if (slot == NONE) {
            return Lookup.MISS;
        }
        return Arrays.equals(forms[slot], 0, forms[slot].length, form, 0, length) ? Lookup.HIT : Lookup.COLLISION;
    }

    /** {@link #find(int, byte[], int)} for a full form held in a context window frame. */
    Lookup find(int hash, DeltaBase form) {
        int slot = slotOf(hash);
        if (slot == NONE) {
            return Lookup.MISS;
        }
        return form.equalsBytes(forms[slot], forms[slot].length) ? Lookup.HIT : Lookup.COLLISION;
    }

    /**
     * The full form held under {@code hash} (the bank's own array: read it, never change it), or null. Its glyph
     * count is {@link #glyphCountOf}.
     */
    byte[] formOf(int hash) {
        int slot = slotOf(hash);
        return slot == NONE ? null : forms[slot];
    }

    /** The number of glyphs of the full form held under {@code hash}, or 0. */
    int glyphCountOf(int hash) {
        int slot = slotOf(hash);
        return slot == NONE ? 0 : glyphCounts[slot];
    }

    /** Records a message: its tree becomes the most recent under its hash; past capacity the eldest goes. */
    void record(int hash, byte[] form, int length) {
        int slot = slotFor(hash, length);
        if (forms[slot] != form) {
            System.arraycopy(form, 0, forms[slot], 0, length);
        }
        glyphCounts[slot] = 0;
        linkNewest(slot);
    }

    /** {@link #record(int, byte[], int)} for a full form held in a context window frame. */
    void record(int hash, DeltaBase form) {
        int length = form.length();
        int slot = slotFor(hash, length);
        form.copy(0, length, forms[slot], 0);
        glyphCounts[slot] = form.count;
        linkNewest(slot);
    }

    /** The slot a record under {@code hash} goes to, unlinked, with a form array of exactly {@code length}. */
    private int slotFor(int hash, int length) {
        int slot = slotOf(hash);
        if (slot != NONE) {
            unlink(slot);
            heldBytes -= forms[slot].length;
        } else if (size == capacity) {
            slot = eldest;
            unlink(slot);
            heldBytes -= forms[slot].length;
            removeKey(hashes[slot]);
            insertKey(hash, slot);
        } else {
            if (size == hashes.length) {
                grow();
            }
            slot = size++;
            insertKey(hash, slot);
        }
        hashes[slot] = hash;
        if (forms[slot] == null || forms[slot].length != length) {
            forms[slot] = new byte[length];
        }
        heldBytes += length;
        return slot;
    }

    /** The full-form bytes of the trees held now. */
    long heldBytes() {
        return heldBytes;
    }

    /** What {@link #heldBytes()} would be after recording a tree of {@code bytes} under {@code hash}; no change. */
    long heldBytesAfter(int hash, long bytes) {
        int slot = slotOf(hash);
        if (slot != NONE) {
            return heldBytes - forms[slot].length + bytes;
        }
        return heldBytes + bytes - (size == capacity ? forms[eldest].length : 0);
    }

    int size() {
        return size;
    }

    /** Bytes of heap held in the bank's arrays and forms. */
    long retainedBytes() {
        long bytes = 4L * (tableSlots.length + hashes.length + older.length + newer.length) + 8L * forms.length;
        for (byte[] f : forms) {
            if (f != null) {
                bytes += 16 + f.length;
            }
        }
        return bytes;
    }

    enum Lookup { HIT, MISS, COLLISION }

    private int slotOf(int hash) {
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            int slot = tableSlots[i];
            if (slot == NONE) {
                return NONE;
            }
            if (hashes[slot] == hash) {
                return slot;
            }
        }
    }

    private void insertKey(int hash, int slot) {
        int i = mix(hash) & mask;
        while (tableSlots[i] != NONE) {
            i = (i + 1) & mask;
        }
        tableSlots[i] = slot;
    }

    /** Removes a key and shifts the entries after it back so that every probe sequence stays unbroken. */
    private void removeKey(int hash) {
        int i = mix(hash) & mask;
        while (tableSlots[i] == NONE || hashes[tableSlots[i]] != hash) {
            i = (i + 1) & mask;
        }
        tableSlots[i] = NONE;
        for (int j = (i + 1) & mask; tableSlots[j] != NONE; j = (j + 1) & mask) {
            int home = mix(hashes[tableSlots[j]]) & mask;
            // Move j back into the hole at i unless its home lies cyclically in (i, j].
            boolean homeBetween = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!homeBetween) {
                tableSlots[i] = tableSlots[j];
                tableSlots[j] = NONE;
                i = j;
            }
        }
    }

    private void unlink(int slot) {
        int o = older[slot];
        int n = newer[slot];
        if (o == NONE) {
            eldest = n;
        } else {
            newer[o] = n;
        }
        if (n == NONE) {
            newest = o;
        } else {
            older[n] = o;
        }
    }

    private void linkNewest(int slot) {
        older[slot] = newest;
        newer[slot] = NONE;
        if (newest == NONE) {
            eldest = slot;
        } else {
            newer[newest] = slot;
        }
        newest = slot;
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
