package io.sigmalang.domain.codec;

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
 * <p>With the bank or the delta on, the tree is walked to write its full form once, into the {@link DeltaBase}
 * that becomes this message's entry in the context window; the bank compares and keeps that form (not the
 * tree: see {@link EncodedBank}), the delta search reads it there, and on the full path the stream's glyphs
 * are copied from it (bytes, not a second walk). The base that falls out of the window is
 * reused for the next message, and the delta index is made of primitive arrays, so in the steady state a
 * message costs no allocation for the context.
 *
 * <p>The encoder's state (sequence number, Σ-bank, context) changes only once a stream has been delivered, so
 * a rejected tree or a too-small destination leaves it as it was. Not thread-safe.
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
    /** The current message's full form (delta on); after the message it joins the window. */
    private DeltaBase messageBase;

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
        this.context = settings.deltaEnabled() ? new ContextWindow(settings.contextDepth()) : null;
        this.delta = settings.deltaEnabled() ? new ContextDelta() : null;
        this.messageBase = settings.deltaEnabled() || settings.bankEnabled() ? new DeltaBase() : null;
    }

    @Override
    public byte[] encode(SemanticTree tree) {
        long started = System.nanoTime();
        plan(tree.root());
        byte[] out = new byte[(int) size];
        deliver(tree, ByteBuffer.wrap(out), started);
        return out;
    }

    @Override
    public int encode(SemanticTree tree, ByteBuffer out) {
        long started = System.nanoTime();
        plan(tree.root());
        if (out.remaining() < size) {
            throw new BufferOverflowException();
        }
        deliver(tree, out, started);
        return (int) size;
    }

    @Override
    public int encode(SemanticTree tree, StreamSink sink) throws IOException {
        long started = System.nanoTime();
        plan(tree.root());
        BufferLease lease = pool.acquire();
        try {
            writeStream(tree.root(), lease.buffer());
            writer.seal();
            sink.accept(writer);
        } finally {
            release(lease);
        }
        commit(tree, tree.root(), started);
        return (int) size;
    }

    /**
     * Ends the conversation: later encodes throw. This encoder holds no pool buffer between messages (its context
     * window is on the heap, not yet in pooled buffers), so there is nothing to release; its state goes with the
     * last reference to it.
     */
    @Override
    public void close() {
        closed = true;
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
        if (messageBase != null) {
            messageBase.clear();
            fullForm.write(root, messageBase);
            messageBase.seal();
        }

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
            bankLookup = bank.find(hash, messageBase.bytes, messageBase.length());
            if (bankLookup == EncodedBank.Lookup.HIT) {
                if (path == EncodingPath.FULL && BANK_REFERENCE_SIZE < size) {
                    path = EncodingPath.BANK_REFERENCE;
                    size = BANK_REFERENCE_SIZE;
                }
            }
        }
        if (context != null) {
            if (path == EncodingPath.FULL && context.size() > 0) {
                long deltaSize = delta.plan(messageBase, context);
                if (deltaSize >= 0 && deltaSize < size) {
                    path = EncodingPath.CONTEXT_DELTA;
                    size = deltaSize;
                }
            }
        }
    }

    /** Writes the planned stream through the pool, copies it to {@code out}, then updates the state. */
    private void deliver(SemanticTree tree, ByteBuffer out, long started) {
        BufferLease lease = pool.acquire();
        try {
            writeStream(tree.root(), lease.buffer());
            writer.copyTo(out);
        } finally {
            release(lease);
        }
        commit(tree, tree.root(), started);
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
            case FULL -> {
                if (messageBase != null) {
                    writer.write(messageBase.bytes, 0, messageBase.length());
                } else {
                    fullForm.write(root, writer);
                }
            }
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

    private void commit(SemanticTree tree, SemanticNode root, long started) {
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
            bank.record(hash, messageBase.bytes, messageBase.length());
        }
        if (context != null) {
            messageBase = context.pushAndRecycle(messageBase);
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
