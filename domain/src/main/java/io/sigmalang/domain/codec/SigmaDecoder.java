package io.sigmalang.domain.codec;

import io.sigmalang.domain.wire.FullFormReader;
import io.sigmalang.domain.wire.FullFormWriter;
import io.sigmalang.domain.wire.GlyphReader;
import io.sigmalang.domain.wire.GlyphType;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.wire.StreamFrame;
import io.sigmalang.domain.hash.SigmaHash;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The ΣLANG v2 decoder of one conversation. It rebuilds the encoder's Σ-bank and context from the streams
 * it decodes, applying the same operation for every message in the same order, so every reference and delta
 * the encoder emitted resolves here without any side channel. Each stream's context field must carry the
 * next sequence number (modulo 4096): a lost, repeated or reordered stream is reported instead of being
 * resolved against the wrong state.
 *
 * <p>Use the same {@link EncoderSettings} as the encoder. A stream that fails leaves the decoder unchanged.
 * What it may hold and produce is bounded by its {@link DecoderLimits}: a stream that would pass one is refused
 * with {@link DecoderLimitException} before the tree it stands for is built where the size is known beforehand
 * (a delta), and before it is kept in any case.
 *
 * <p>What a decoder keeps between messages is bytes, not trees: its Σ-bank holds each tree as its full form
 * ({@link EncodedBank}, the tree rebuilt from those bytes when a reference names it) and its context window
 * holds the full forms of the last messages in buffers leased from a {@link BufferPool}, packed as the
 * encoder's are. Given a pool ({@link #SigmaDecoder(EncoderSettings, DecoderLimits, BufferPool)}), an open
 * decoder holds one or a few of its leases and {@link #close()} releases them; the constructors without a pool
 * give the window heap buffers of {@value #HEAP_WINDOW_BUFFER_SIZE} bytes of its own, allocated as it needs
 * them and left to the garbage collector (closing is then optional). A pool that refuses a buffer
 * ({@link io.sigmalang.domain.pool.PoolExhaustedException}) fails that stream only: the decoder is unchanged and
 * the stream can be decoded again. Not thread-safe.
 */
public final class SigmaDecoder implements Decoder {
    private final EncoderSettings settings;
    private final DecoderLimits limits;
    private final SigmaHash sigmaHash;
    private final EncodedBank bank;
    /** Present when the bank or the delta is on (depth 0 with the delta off: it then holds only the message). */
    private final ContextWindow context;
    private final FullFormWriter fullForm = new FullFormWriter();
    /** The full form of the tree a Σ-bank reference resolved to, for the message being decoded, or null. */
    private byte[] referencedForm;
    private int sequence;
    private boolean closed;
    /** Full-form bytes decoded and stream bytes read over the conversation so far. */
    private long decodedBytes;
    private long streamBytes;

    /** The buffer size of the heap window of a decoder built without a pool. */
    public static final int HEAP_WINDOW_BUFFER_SIZE = 4096;

    /** A decoder for streams from an encoder with the default settings; its window in heap buffers of its own. */
    public SigmaDecoder() {
        this(EncoderSettings.defaults());
    }

    /** A decoder with the {@link DecoderLimits#defaults() default limits}; its window in heap buffers of its own. */
    public SigmaDecoder(EncoderSettings settings) {
        this(settings, DecoderLimits.defaults());
    }

    /**
     * A decoder for streams from an encoder with {@code settings}, within {@code limits}; its window in heap
     * buffers of its own (see {@link #SigmaDecoder(EncoderSettings, DecoderLimits, BufferPool)} to lease them).
     *
     * @throws DecoderLimitException when the settings ask for a larger Σ-bank or context than the limits allow
     */
    public SigmaDecoder(EncoderSettings settings, DecoderLimits limits) {
        this(settings, limits, new UnpooledBuffers(HEAP_WINDOW_BUFFER_SIZE));
    }

    /**
     * A decoder for streams from an encoder with {@code settings}, within {@code limits}, whose context window
     * lives in buffers leased from {@code pool} while it is open: close it to release them.
     *
     * @throws DecoderLimitException when the settings ask for a larger Σ-bank or context than the limits allow
     */
    public SigmaDecoder(EncoderSettings settings, DecoderLimits limits, BufferPool pool) {
        Objects.requireNonNull(pool, "pool");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (settings.bankEnabled() && settings.bankCapacity() > limits.maxBankCapacity()) {
            throw new DecoderLimitException("the settings ask for a Σ-bank of " + settings.bankCapacity()
                    + " trees, more than the limit of " + limits.maxBankCapacity(), DecoderLimits.Limit.BANK_CAPACITY,
                    limits.maxBankCapacity());
        }
        if (settings.deltaEnabled() && settings.contextDepth() > limits.maxContextDepth()) {
            throw new DecoderLimitException("the settings ask for a context of " + settings.contextDepth()
                    + " messages, more than the limit of " + limits.maxContextDepth(),
                    DecoderLimits.Limit.CONTEXT_DEPTH, limits.maxContextDepth());
        }
        this.sigmaHash = settings.bankEnabled() ? new SigmaHash() : null;
        this.bank = settings.bankEnabled() ? new EncodedBank(settings.bankCapacity()) : null;
        this.context = settings.deltaEnabled() || settings.bankEnabled()
                ? new ContextWindow(settings.deltaEnabled() ? settings.contextDepth() : 0, pool)
                : null;
    }

    @Override
    public SemanticTree decode(ByteBuffer stream) {
        if (closed) {
            throw new IllegalStateException("this decoder was closed: its conversation has ended");
        }
        referencedForm = null;
        int size = stream.remaining();
        StreamFrame frame = StreamFrame.read(stream);
        int expected = sequence & 0xFFF;
        if (frame.contextId() != expected) {
            throw new MalformedStreamException("stream out of sequence: context id " + frame.contextId()
                    + ", expected " + expected + " (streams decode in the order they were encoded)", 1);
        }
        GlyphType first = GlyphType.ofCode((stream.get(frame.glyphsFrom()) & 0xFF) >>> 6);
        SemanticNode root;
        byte[] fullGlyphs = null;
        long fullBytes;
        switch (first) {
            case REFERENCE -> {
                root = resolveReference(stream, frame);
                fullBytes = referencedForm != null ? referencedForm.length : fullForm.measure(root);
                admit(fullBytes, size);
            }
            case DELTA -> {
                if (delta() == 0) {
                    throw new MalformedStreamException("delta stream, but deltas are off in this decoder's settings",
                            frame.glyphsFrom() - frame.base());
                }
                ContextDelta.Rebuilt rebuilt = ContextDelta.rebuild(stream, frame, context, bytes -> admit(bytes, size));
                try {
                    root = FullFormReader.read(ByteBuffer.wrap(rebuilt.glyphs()), 0, rebuilt.glyphs().length,
                            rebuilt.glyphCount(), 0);
                } catch (MalformedStreamException e) {
                    throw new MalformedStreamException("the delta rebuilds an invalid tree: " + e.problem()
                            + " (at byte " + e.offset() + " of the rebuilt glyphs)", frame.glyphsFrom() - frame.base());
                }
                fullGlyphs = rebuilt.glyphs();
                fullBytes = fullGlyphs.length;
            }
            default -> {
                root = FullFormReader.read(stream, frame.glyphsFrom(), frame.glyphsEnd(), frame.glyphCount(),
                        frame.base());
                fullBytes = frame.glyphsEnd() - frame.glyphsFrom();
                admit(fullBytes, size);
            }
        }
        int hash = bank == null ? 0 : sigmaHash.of(root);
        long held = (bank == null ? 0 : bank.heldBytesAfter(hash, fullBytes))
                + (context == null ? 0 : context.heldBytesAfterPush(fullBytes));
        if (held > limits.maxHeldBytes()) {
            throw new DecoderLimitException("keeping its tree (" + fullBytes + " full-form bytes) would make the"
                    + " Σ-bank and context hold " + held + " bytes of decoded trees, more than the limit of "
                    + limits.maxHeldBytes(), DecoderLimits.Limit.HELD_BYTES, limits.maxHeldBytes());
        }
        commit(hash, root, stream, frame, first, fullGlyphs);
        decodedBytes += fullBytes;
        streamBytes += size;
        return SemanticTree.of(root);
    }

    /**
     * Checks the expansion limits for a message of {@code streamSize} bytes that decodes to {@code fullBytes}
     * full-form bytes, before it is built where that is possible.
     */
    private void admit(long fullBytes, int streamSize) {
        if (fullBytes > times(limits.maxMessageExpansion(), streamSize)) {
            throw new DecoderLimitException("the " + streamSize + "-byte stream decodes to " + fullBytes
                    + " full-form bytes, more than the limit of " + limits.maxMessageExpansion()
                    + " per stream byte", DecoderLimits.Limit.MESSAGE_EXPANSION, limits.maxMessageExpansion());
        }
        long totalIn = streamBytes + streamSize;
        long totalOut = decodedBytes + fullBytes;
        if (totalOut > times(limits.maxConversationExpansion(), totalIn)) {
            throw new DecoderLimitException("with it the conversation decodes " + totalIn + " stream bytes to "
                    + totalOut + " full-form bytes, more than the limit of " + limits.maxConversationExpansion()
                    + " per stream byte", DecoderLimits.Limit.CONVERSATION_EXPANSION,
                    limits.maxConversationExpansion());
        }
    }

    private SemanticNode resolveReference(ByteBuffer stream, StreamFrame frame) {
        GlyphReader glyph = new GlyphReader(stream, frame.glyphsFrom(), frame.glyphsEnd(), frame.base());
        glyph.next();
        if (frame.glyphCount() != 1) {
            throw new MalformedStreamException("a reference stream holds exactly one glyph, the header counts "
                    + frame.glyphCount(), 3);
        }
        if (glyph.hasMore()) {
            throw new MalformedStreamException((frame.glyphsEnd() - glyph.position())
                    + " bytes left over after the reference glyph", glyph.position() - frame.base());
        }
        int id = glyph.id();
        if (id == SigmaEncoder.BANK_REFERENCE_ID && glyph.payloadLength() == SigmaEncoder.HASH_BYTES) {
            if (bank == null) {
                throw new MalformedStreamException("Σ-bank reference, but the bank is off in this decoder's settings",
                        glyph.streamOffset());
            }
            int hash = stream.getInt(glyph.payloadOffset());
            byte[] form = bank.formOf(hash);
            if (form == null) {
                throw new MalformedStreamException(String.format("Σ-bank reference 0x%08x names no tree in this"
                        + " decoder's bank (%d trees held)", hash, bank.size()), glyph.streamOffset());
            }
            referencedForm = form;
            // The bank's bytes are a full form this decoder accepted itself: rebuilding the tree cannot fail.
            return FullFormReader.read(ByteBuffer.wrap(form), 0, form.length, bank.glyphCountOf(hash), 0);
        }
        if (id >= 0x80 && !glyph.hasPayload()) {
            return settings.codebook().expand(id).orElseThrow(() -> new MalformedStreamException(String.format(
                    "codebook reference 0x%02X is not in this decoder's codebook", id), glyph.streamOffset()));
        }
        throw new MalformedStreamException(String.format("REFERENCE glyph id 0x%02X%s is neither a Σ-bank reference"
                + " (id 0x0A with a 4-byte hash) nor a codebook reference (id 0x80..0xFF, no payload)", id,
                glyph.hasPayload() ? " with a " + glyph.payloadLength() + "-byte payload" : ""),
                glyph.streamOffset());
    }

    /** a × b for non-negative numbers, {@link Long#MAX_VALUE} where it would overflow. */
    private static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }

    /**
     * Applies, for the message just decoded, what the encoder applied after sending it: its full form becomes a
     * frame of the window (written there from the stream, the rebuilt delta, the bank's bytes or the tree) and is
     * recorded in the bank. Only the write into the window can fail (a pool that refuses a buffer); it happens
     * first, and is undone when it fails, so the decoder is then unchanged.
     */
    private void commit(int hash, SemanticNode root, ByteBuffer stream, StreamFrame frame, GlyphType first,
            byte[] fullGlyphs) {
        if (context != null) {
            context.begin(0);
            DeltaBase message;
            try {
                if (fullGlyphs != null) {
                    context.write(fullGlyphs, 0, fullGlyphs.length);
                } else if (referencedForm != null) {
                    context.write(referencedForm, 0, referencedForm.length);
                } else if (first != GlyphType.REFERENCE) {
                    context.write(stream, frame.glyphsFrom(), frame.glyphsEnd());
                } else {
                    fullForm.write(root, context);
                }
                message = context.seal(0);
            } catch (RuntimeException | Error e) {
                context.abort();
                throw e;
            }
            if (bank != null) {
                bank.record(hash, message);
            }
            context.commit();
        }
        sequence++;
    }

    /** The context depth in use: 0 when deltas are off. */
    private int delta() {
        return settings.deltaEnabled() ? settings.contextDepth() : 0;
    }

    /**
     * Ends the conversation: releases the buffers of its context window and drops its Σ-bank's hold on them;
     * later decodes throw. Closing twice does nothing.
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

    /** Pool buffers the context window holds now (for tests and figures). */
    int windowLeases() {
        return context == null ? 0 : context.leaseCount();
    }

    /** Messages decoded so far. */
    public int messagesDecoded() {
        return sequence;
    }

    @Override
    public String toString() {
        return "SigmaDecoder" + Arrays.asList(settings, sequence);
    }
}
