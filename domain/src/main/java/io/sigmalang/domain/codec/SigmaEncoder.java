package io.sigmalang.domain.codec;

import io.sigmalang.domain.wire.Crc16;
import io.sigmalang.domain.wire.FullFormWriter;
import io.sigmalang.domain.wire.GlyphType;
import io.sigmalang.domain.wire.Glyphs;
import io.sigmalang.domain.hash.SigmaHash;
import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The ΣLANG v2 encoder of one conversation.
 *
 * <p>Each message is first checked and sized in its full-primitive form (a tree the format cannot carry is
 * rejected here, before anything is written). Then the forms are tried in the reference's priority order,
 * each used only when its stream is smaller than the full form: (1) a codebook reference, when the codebook's
 * pattern expands to exactly this tree; (2) a Σ-bank reference, when the bank holds this very tree (a hash hit
 * on a different tree falls through); (3) a context delta against one of the last messages; (4) the full form.
 * The chosen stream is written through buffers leased from the {@link BufferPool}, chained when one buffer is
 * too small, then handed to a {@link StreamSink} in place or copied to its destination; every lease is released
 * on every path, failures included. The pool decides where the bytes are staged, never what they are.
 *
 * <p>With the bank or the delta on, the tree is walked to write its full form once, into the conversation's
 * {@link ContextWindow}: a frame at the tail of buffers leased from the pool and held for as long as the
 * conversation is open, with room for the stream's header before the glyphs and its CRC after them. The bank
 * compares and keeps that form (not the tree: see {@link EncodedBank}), the delta search reads it there, and on
 * the full path the stream that goes out <em>is</em> that frame: the header and CRC are filled in around the
 * glyphs and the sink reads the window's own buffers (the copying forms copy from them). Nothing is written
 * twice. The frame joins the window once the stream has been delivered; the window's bases and the delta index
 * are reused from message to message, so in the steady state a message costs no allocation for the context.
 * So an open encoder holds one lease of its pool (more while its window spans buffers), and {@link #close()}
 * releases them: the pool's outstanding leases follow the live conversations.
 *
 * <p>The encoder's state (sequence number, Σ-bank, context) changes only once a stream has been delivered, so
 * a rejected tree, a too-small destination, a failing sink or a pool that refuses a buffer
 * ({@link io.sigmalang.domain.pool.PoolExhaustedException}) leaves it as it was, every buffer leased for that
 * message released: the encoder stays usable. Not thread-safe.
 */
public final class SigmaEncoder implements Encoder {
    /** The Σ-bank reference glyph's id (primitive 0x0A, REFERENCE) and payload size. */
    static final int BANK_REFERENCE_ID = 0x0A;
    static final int HASH_BYTES = 4;
    private static final int BANK_REFERENCE_SIZE =
            Glyphs.HEADER_BYTES + Glyphs.glyphLength(BANK_REFERENCE_ID, HASH_BYTES) + Glyphs.CRC_BYTES;
    private static final EncodingPath[] PATHS = EncodingPath.values();

    private final BufferPool pool;
    private final EncoderSettings settings;
    private final FullFormWriter fullForm = new FullFormWriter();
    private final PooledStreamWriter writer;
    private final SigmaHash sigmaHash;
    private final EncodedBank bank;
    private final ContextWindow context;
    private final ContextDelta delta;
    private int sequence;
    private boolean closed;

    // The plan for the message being encoded.
    private EncodingPath path;
    private long size;
    private long fullSize;
    private int fullGlyphs;
    private int codebookId;
    private int hash;
    private EncodedBank.Lookup bankLookup;
    /** The current message's full form (bank or delta on), a frame of the window; it joins it on commit. */
    private DeltaBase messageBase;
    /** Where the current message's frame region (header reserved before the glyphs) begins in the window. */
    private long frameFrom;

    // Statistics.
    private long messages;
    private long inputBytes;
    private long inputMessages;
    private long fullFormBytes;
    private long outputBytes;
    private final long[] pathCount = new long[PATHS.length];
    private final long[] pathNanos = new long[PATHS.length];
    private final long[] pathBytes = new long[PATHS.length];
    private long bankHits;
    private long bankMisses;
    private long bankCollisions;

    /** An encoder with the default settings (bank of 1024, delta against the last 4 messages, no codebook). */
    public SigmaEncoder(BufferPool pool) {
        this(pool, EncoderSettings.defaults());
    }

    public SigmaEncoder(BufferPool pool, EncoderSettings settings) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = new PooledStreamWriter(pool);
        this.sigmaHash = settings.bankEnabled() ? new SigmaHash() : null;
        this.bank = settings.bankEnabled() ? new EncodedBank(settings.bankCapacity()) : null;
        this.context = settings.deltaEnabled() || settings.bankEnabled()
                ? new ContextWindow(settings.deltaEnabled() ? settings.contextDepth() : 0, pool)
                : null;
        this.delta = settings.deltaEnabled() ? new ContextDelta() : null;
    }

    @Override
    public byte[] encode(SemanticTree tree) {
        long started = System.nanoTime();
        plan(tree.root());
        byte[] out;
        try {
            out = new byte[(int) size];
        } catch (RuntimeException | Error e) {
            abandon();
            throw e;
        }
        deliver(tree, ByteBuffer.wrap(out), started);
        return out;
    }

    @Override
    public int encode(SemanticTree tree, ByteBuffer out) {
        long started = System.nanoTime();
        plan(tree.root());
        if (out.remaining() < size) {
            abandon();
            throw new BufferOverflowException();
        }
        deliver(tree, out, started);
        return (int) size;
    }

    @Override
    public int encode(SemanticTree tree, StreamSink sink) throws IOException {
        long started = System.nanoTime();
        plan(tree.root());
        if (path == EncodingPath.FULL && messageBase != null) {
            WindowBuffers window = context.buffers();
            try {
                sealFrame();
                sink.accept(window.region(frameFrom, frameFrom + size));
            } catch (IOException | RuntimeException | Error e) {
                abandon();
                throw e;
            } finally {
                window.endRegion();
            }
        } else {
            try {
                BufferLease lease = pool.acquire();
                try {
                    writeStream(tree.root(), lease.buffer());
                    writer.seal();
                    sink.accept(writer);
                } finally {
                    release(lease);
                }
            } catch (IOException | RuntimeException | Error e) {
                abandon();
                throw e;
            }
        }
        commit(tree, started);
        return (int) size;
    }

    /**
     * Ends the conversation: releases the buffers of its context window back to the pool; later encodes throw.
     * Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (context != null) {
            context.close();
        }
    }

    /** Chooses the form and sizes the stream; changes no state that outlives a failed message. */
    private void plan(SemanticNode root) {
        if (closed) {
            throw new IllegalStateException("this encoder was closed: its conversation has ended");
        }
        long glyphBytes = fullForm.measure(root);
        fullGlyphs = fullForm.glyphCount();
        fullSize = Glyphs.HEADER_BYTES + glyphBytes + Glyphs.CRC_BYTES;
        path = EncodingPath.FULL;
        size = fullSize;
        if (context != null) {
            frameFrom = context.buffers().tail();
            try {
                context.begin(Glyphs.HEADER_BYTES);
                fullForm.write(root, context);
                messageBase = context.seal(Glyphs.CRC_BYTES);
            } catch (RuntimeException | Error e) {
                context.abort();
                throw e;
            }
        }
        try {
            choosePath(root);
        } catch (RuntimeException | Error e) {
            abandon();
            throw e;
        }
    }

    /** Tries the shorter forms in the reference's order; {@link #plan} has sized the full form. */
    private void choosePath(SemanticNode root) {

        OptionalInt match = settings.codebook().match(root);
        if (match.isPresent()) {
            int id = match.getAsInt();
            if (id < 0x80 || id > 0xFF) {
                throw new IllegalStateException(String.format(
                        "the codebook matched id 0x%02X, outside the learned tier 0x80..0xFF", id));
            }
            long codebookSize = Glyphs.HEADER_BYTES + Glyphs.glyphLength(id, -1) + Glyphs.CRC_BYTES;
            if (codebookSize < size && settings.codebook().expand(id).map(root::equals).orElse(false)) {
                path = EncodingPath.CODEBOOK;
                size = codebookSize;
                codebookId = id;
            }
        }
        if (bank != null) {
            hash = sigmaHash.of(root);
            bankLookup = bank.find(hash, messageBase);
            if (bankLookup == EncodedBank.Lookup.HIT) {
                if (path == EncodingPath.FULL && BANK_REFERENCE_SIZE < size) {
                    path = EncodingPath.BANK_REFERENCE;
                    size = BANK_REFERENCE_SIZE;
                }
            }
        }
        if (delta != null) {
            if (path == EncodingPath.FULL && context.size() > 0) {
                long deltaSize = delta.plan(messageBase, context);
                if (deltaSize >= 0 && deltaSize < size) {
                    path = EncodingPath.CONTEXT_DELTA;
                    size = deltaSize;
                }
            }
        }
    }

    /** Forgets the message being encoded: its frame and the buffers leased only for it. The state is unchanged. */
    private void abandon() {
        if (context != null) {
            context.abort();
        }
    }

    /**
     * Fills in the header and CRC around the message's glyphs in its window frame: on the full path the frame
     * is the stream.
     */
    private void sealFrame() {
        WindowBuffers window = context.buffers();
        int header = Glyphs.header(Glyphs.VERSION, 0, sequence & 0xFFF, fullGlyphs);
        window.put(frameFrom, header >>> 24);
        window.put(frameFrom + 1, header >>> 16);
        window.put(frameFrom + 2, header >>> 8);
        window.put(frameFrom + 3, header);
        long crcAt = frameFrom + size - Glyphs.CRC_BYTES;
        int crc = Crc16.INITIAL;
        for (long p = frameFrom; p < crcAt; p++) {
            crc = Crc16.update(crc, window.get(p));
        }
        window.put(crcAt, crc >>> 8);
        window.put(crcAt + 1, crc & 0xFF);
    }

    /**
     * Writes the planned stream through the pool (on the full path: seals the window frame), copies it to
     * {@code out}, then updates the state.
     */
    private void deliver(SemanticTree tree, ByteBuffer out, long started) {
        try {
            if (path == EncodingPath.FULL && messageBase != null) {
                sealFrame();
                context.buffers().copyTo(frameFrom, frameFrom + size, out);
            } else {
                BufferLease lease = pool.acquire();
                try {
                    writeStream(tree.root(), lease.buffer());
                    writer.copyTo(out);
                } finally {
                    release(lease);
                }
            }
        } catch (RuntimeException | Error e) {
            abandon();
            throw e;
        }
        commit(tree, started);
    }

    /** Writes the planned stream into {@code first}, the buffer of a lease the caller holds, and chained leases. */
    private void writeStream(SemanticNode root, ByteBuffer first) {
        writer.start(first);
        int glyphs = switch (path) {
            case CODEBOOK, BANK_REFERENCE -> 1;
            case CONTEXT_DELTA -> delta.glyphCount();
            case FULL -> fullGlyphs;
        };
        int header = Glyphs.header(Glyphs.VERSION, 0, sequence & 0xFFF, glyphs);
        writer.write(header >>> 24);
        writer.write(header >>> 16);
        writer.write(header >>> 8);
        writer.write(header);
        switch (path) {
            case CODEBOOK -> Glyphs.writeHead(writer, GlyphType.REFERENCE, codebookId, -1);
            case BANK_REFERENCE -> {
                Glyphs.writeHead(writer, GlyphType.REFERENCE, BANK_REFERENCE_ID, HASH_BYTES);
                writer.write(hash >>> 24);
                writer.write(hash >>> 16);
                writer.write(hash >>> 8);
                writer.write(hash);
            }
            case CONTEXT_DELTA -> delta.write(messageBase, writer);
            case FULL -> fullForm.write(root, writer);
        }
        writer.writeCrc();
        if (writer.written() != size) {
            throw new IllegalStateException("internal error: planned " + size + " bytes for the " + path
                    + " form but wrote " + writer.written());
        }
    }

    /** Releases the chained leases and then the first, whatever happens to the others. */
    private void release(BufferLease lease) {
        try {
            writer.releaseChained();
        } finally {
            lease.close();
        }
    }

    private void commit(SemanticTree tree, long started) {
        sequence++;
        if (bank != null) {
            switch (bankLookup) {
                case HIT -> bankHits++;
                case MISS -> bankMisses++;
                case COLLISION -> {
                    bankMisses++;
                    bankCollisions++;
                }
            }
            bank.record(hash, messageBase);
        }
        if (context != null) {
            context.commit();
            messageBase = null;
        }
        messages++;
        fullFormBytes += fullSize;
        outputBytes += size;
        OptionalInt source = tree.sourceBytes();
        if (source.isPresent()) {
            inputBytes += source.getAsInt();
            inputMessages++;
        }
        int p = path.ordinal();
        pathCount[p]++;
        pathBytes[p] += size;
        pathNanos[p] += System.nanoTime() - started;
    }

    @Override
    public EncoderStats stats() {
        Map<EncodingPath, PathStats> paths = new EnumMap<>(EncodingPath.class);
        for (EncodingPath p : PATHS) {
            paths.put(p, new PathStats(pathCount[p.ordinal()], pathNanos[p.ordinal()], pathBytes[p.ordinal()]));
        }
        return new EncoderStats(messages, inputBytes, inputMessages, fullFormBytes, outputBytes, paths, bankHits,
                bankMisses, bankCollisions, bank == null ? 0 : bank.size(), settings.bankCapacity(),
                context == null ? 0 : context.size(), pool.stats());
    }

    /** The settings this encoder was built with; its decoder needs equal ones. */
    public EncoderSettings settings() {
        return settings;
    }
}
