package io.sigmalang.adapters.container;

import io.sigmalang.domain.batch.ConversationFailure;
import io.sigmalang.domain.batch.ConversationOutput;
import io.sigmalang.domain.batch.ConversationResult;
import io.sigmalang.domain.codec.EncodedStream;
import io.sigmalang.domain.codec.EncoderSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Writes a version 2 container (docs/CONTAINER.md) as a {@link ConversationOutput}: the header at once, then a
 * record per call, in call order, so the streams of many conversations interleave as they were encoded; then,
 * on {@link #finish()}, the index and the trailer. The streams are written from the pool's buffers as they are
 * (heap buffers directly from their arrays, others through one reused 8 KiB array).
 *
 * <p>It holds one small entry per conversation (its id, counts and last record offset), never a stream. Not
 * thread-safe: the batch encoder calls it one call at a time.
 */
public final class ContainerWriter implements ConversationOutput {
    private final OutputStream out;
    private final boolean batch;
    private final CRC32C crc = new CRC32C();
    private final byte[] numbers = new byte[32];
    private final byte[] copy = new byte[8192];
    private final List<Entry> entries = new ArrayList<>();
    private long offset;
    private long streams;
    private boolean finished;

    /** What the index says of one conversation. */
    private static final class Entry {
        final byte[] id;
        long messages;
        long lastStream = -1;
        boolean ended;
        ConversationFailure failure;

        Entry(byte[] id) {
            this.id = id;
        }
    }

    /**
     * Writes the header to {@code out} (best buffered; neither closed here).
     *
     * @param batch whether the conversations are named (encode-batch): decode then labels each tree with its
     *              conversation; a container without the flag holds at most one conversation
     */
    public ContainerWriter(OutputStream out, EncoderSettings settings, boolean batch) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.batch = batch;
        byte[] header = new byte[ContainerFormat.HEADER_BYTES];
        System.arraycopy(ContainerFormat.MAGIC, 0, header, 0, 4);
        header[4] = ContainerFormat.VERSION;
        header[5] = (byte) ((settings.bankEnabled() ? ContainerFormat.FLAG_BANK : 0)
                | (settings.deltaEnabled() ? ContainerFormat.FLAG_DELTA : 0)
                | (batch ? ContainerFormat.FLAG_BATCH : 0));
        header[6] = (byte) settings.contextDepth();
        header[7] = 0;
        putInt(header, 8, settings.bankCapacity());
        out.write(header);
        offset = header.length;
    }

    @Override
    public void opened(int conversation, String id) throws IOException {
        checkOpen();
        if (conversation != entries.size()) {
            throw new IllegalArgumentException("conversation " + conversation + " opened, but the next is "
                    + entries.size());
        }
        if (!batch && conversation > 0) {
            throw new IllegalStateException("a container without the batch flag holds one conversation");
        }
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > ContainerFormat.MAX_ID_BYTES) {
            throw new IllegalArgumentException("conversation id of " + utf8.length + " UTF-8 bytes (at most "
                    + ContainerFormat.MAX_ID_BYTES + ")");
        }
        entries.add(new Entry(utf8));
        int n = 0;
        numbers[n++] = ContainerFormat.KIND_OPEN;
        n = Varint.put(numbers, n, conversation);
        n = Varint.put(numbers, n, utf8.length);
        put(numbers, 0, n);
        put(utf8, 0, utf8.length);
    }

    @Override
    public void stream(int conversation, long message, EncodedStream stream) throws IOException {
        checkOpen();
        Entry e = entry(conversation);
        if (message != e.messages + 1) {
            throw new IllegalArgumentException("conversation " + conversation + ": message " + message + " after "
                    + e.messages);
        }
        int size = stream.size();
        if (size < ContainerFormat.MIN_STREAM_BYTES || size > ContainerFormat.MAX_STREAM_BYTES) {
            throw new IllegalArgumentException("a ΣLANG stream has " + ContainerFormat.MIN_STREAM_BYTES + ".."
                    + ContainerFormat.MAX_STREAM_BYTES + " bytes, this one " + size);
        }
        long start = offset;
        int n = 0;
        numbers[n++] = ContainerFormat.KIND_STREAM;
        n = Varint.put(numbers, n, conversation);
        n = Varint.put(numbers, n, e.lastStream < 0 ? 0 : start - e.lastStream);
        n = Varint.put(numbers, n, size);
        put(numbers, 0, n);
        long written = 0;
        for (int i = 0; i < stream.chunkCount(); i++) {
            ByteBuffer chunk = stream.chunk(i);
            int length = chunk.remaining();
            if (chunk.hasArray()) {
                put(chunk.array(), chunk.arrayOffset() + chunk.position(), length);
                chunk.position(chunk.limit());
            } else {
                while (chunk.hasRemaining()) {
                    int k = Math.min(copy.length, chunk.remaining());
                    chunk.get(copy, 0, k);
                    put(copy, 0, k);
                }
            }
            written += length;
        }
        if (written != size) {
            throw new IllegalStateException("the stream's chunks hold " + written + " bytes, its size says " + size);
        }
        e.messages = message;
        e.lastStream = start;
        streams++;
    }

    /** Appends one stream (a whole array) as the next message of conversation 0. */
    public void write(byte[] stream) throws IOException {
        if (entries.isEmpty()) {
            opened(0, "");
        }
        ByteBuffer whole = ByteBuffer.wrap(stream);
        stream(0, entries.get(0).messages + 1, new EncodedStream() {
            @Override
            public int size() {
                return stream.length;
            }

            @Override
            public int chunkCount() {
                return 1;
            }

            @Override
            public ByteBuffer chunk(int index) {
                return whole;
            }
        });
    }

    @Override
    public void ended(int conversation, ConversationResult result) throws IOException {
        checkOpen();
        Entry e = entry(conversation);
        if (e.ended) {
            throw new IllegalStateException("conversation " + conversation + " ended twice");
        }
        if (result.messages() != e.messages) {
            throw new IllegalArgumentException("conversation " + conversation + " ended after " + result.messages()
                    + " messages, but " + e.messages + " were written");
        }
        e.ended = true;
        e.failure = result.failure().orElse(null);
        int n = 0;
        numbers[n++] = ContainerFormat.KIND_END;
        n = Varint.put(numbers, n, conversation);
        put(numbers, 0, n);
        putOutcome(e);
    }

    /**
     * Ends every conversation still open as complete, then writes the index and the trailer. Without it the
     * file is not a whole container: a reader says it was cut short.
     */
    public void finish() throws IOException {
        checkOpen();
        for (int c = 0; c < entries.size(); c++) {
            Entry e = entries.get(c);
            if (!e.ended) {
                ended(c, new ConversationResult(c, new String(e.id, StandardCharsets.UTF_8), e.messages, 0,
                        java.util.Optional.empty()));
            }
        }
        long recordsCrc = crc.getValue();
        long indexOffset = offset;
        crc.reset();
        int n = 0;
        numbers[n++] = ContainerFormat.KIND_INDEX;
        n = Varint.put(numbers, n, entries.size());
        put(numbers, 0, n);
        for (Entry e : entries) {
            n = Varint.put(numbers, 0, e.id.length);
            put(numbers, 0, n);
            put(e.id, 0, e.id.length);
            n = Varint.put(numbers, 0, e.messages);
            n = Varint.put(numbers, n, e.lastStream < 0 ? 0 : e.lastStream);
            put(numbers, 0, n);
            putOutcome(e);
        }
        long indexCrc = crc.getValue();
        byte[] trailer = new byte[ContainerFormat.TRAILER_BYTES];
        putLong(trailer, 0, indexOffset);
        putLong(trailer, 8, streams);
        putInt(trailer, 16, (int) recordsCrc);
        putInt(trailer, 20, (int) indexCrc);
        System.arraycopy(ContainerFormat.END_MAGIC, 0, trailer, 24, 4);
        out.write(trailer);
        offset += trailer.length;
        finished = true;
    }

    /** Streams written so far, over all conversations. */
    public long messages() {
        return streams;
    }

    /** Container bytes written so far, header (and, once finished, index and trailer) included. */
    public long bytes() {
        return offset;
    }

    private void putOutcome(Entry e) throws IOException {
        if (e.failure == null) {
            numbers[0] = ContainerFormat.STATUS_COMPLETE;
            put(numbers, 0, 1);
            return;
        }
        byte[] reason = reason(e.failure.reason());
        int n = 0;
        numbers[n++] = (byte) (ContainerFormat.STATUS_FAILED + e.failure.cause().ordinal());
        n = Varint.put(numbers, n, e.failure.message());
        n = Varint.put(numbers, n, reason.length);
        put(numbers, 0, n);
        put(reason, 0, reason.length);
    }

    /** The reason in UTF-8, cut to {@link ContainerFormat#MAX_REASON_BYTES} at a character boundary. */
    private static byte[] reason(String reason) {
        byte[] utf8 = reason.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= ContainerFormat.MAX_REASON_BYTES) {
            return utf8;
        }
        int end = ContainerFormat.MAX_REASON_BYTES;
        while ((utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return java.util.Arrays.copyOf(utf8, end);
    }

    private Entry entry(int conversation) {
        if (conversation < 0 || conversation >= entries.size()) {
            throw new IllegalArgumentException("conversation " + conversation + " was never opened");
        }
        return entries.get(conversation);
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the container is finished");
        }
    }

    private void put(byte[] b, int from, int length) throws IOException {
        out.write(b, from, length);
        crc.update(b, from, length);
        offset += length;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }
}
