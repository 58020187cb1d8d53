package io.sigmalang.adapters.container;

import io.sigmalang.domain.batch.ConversationFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Random access to a version 2 container in a file: the header, the trailer and the index are read (the index's
 * CRC-32C checked), and then one conversation's streams are read by following its records' back distances from
 * its last stream record, without reading the other conversations' records. Those records are therefore not
 * covered by the records' checksum on this path; each stream still carries its own CRC, which the decoder
 * checks. Every number read is checked against the file's real extent before anything is sized by it.
 */
public final class ContainerIndex {
    private final SeekableByteChannel file;
    private final ContainerHeader header;
    private final long indexOffset;
    private final List<Entry> entries;

    /**
     * One conversation as the index lists it.
     *
     * @param conversation its number in the container
     * @param lastStream   the offset of its last STREAM record (0 when it has none)
     */
    public record Entry(int conversation, String id, long messages, long lastStream,
            Optional<ConversationFailure> failure) {
    }

    private ContainerIndex(SeekableByteChannel file, ContainerHeader header, long indexOffset, List<Entry> entries) {
        this.file = file;
        this.header = header;
        this.indexOffset = indexOffset;
        this.entries = entries;
    }

    /** Reads the header, the trailer and the index of the container in {@code file} (not closed here). */
    public static ContainerIndex read(SeekableByteChannel file) throws IOException {
        long size = file.size();
        byte[] head = new byte[ContainerFormat.HEADER_BYTES];
        int n = readAt(file, 0, head, (int) Math.min(head.length, size));
        ContainerHeader header = ContainerHeader.parse(head, n);
        if (header.version() == ContainerFormat.VERSION_1) {
            throw new MalformedContainerException("a version 1 container has no index: decode it whole",
                    "container header", 0, 4);
        }
        long trailerAt = size - ContainerFormat.TRAILER_BYTES;
        if (trailerAt < ContainerFormat.HEADER_BYTES + 2) {
            throw new MalformedContainerException("the file of " + size + " bytes is too short to hold records, an"
                    + " index and a trailer: it was cut short", "trailer", 0, size);
        }
        byte[] trailer = new byte[ContainerFormat.TRAILER_BYTES];
        readAt(file, trailerAt, trailer, trailer.length);
        if (!Arrays.equals(trailer, 24, 28, ContainerFormat.END_MAGIC, 0, 4)) {
            throw new MalformedContainerException("the file does not end with the trailer's \"SGLE\": it was cut"
                    + " short, or never finished", "trailer", 0, trailerAt + 24);
        }
        ByteBuffer t = ByteBuffer.wrap(trailer);
        long indexOffset = t.getLong(0);
        if (indexOffset < ContainerFormat.HEADER_BYTES || indexOffset >= trailerAt) {
            throw new MalformedContainerException("the trailer puts the index at " + indexOffset + ", outside the"
                    + " file's records (" + ContainerFormat.HEADER_BYTES + ".." + trailerAt + ")", "trailer", 0,
                    trailerAt);
        }
        long indexBytes = trailerAt - indexOffset;
        if (indexBytes > Integer.MAX_VALUE - 8) {
            throw new MalformedContainerException("an index of " + indexBytes + " bytes is more than this reader"
                    + " holds", "trailer", 0, trailerAt);
        }
        // The index's size is real bytes of the file, not a number read from it.
        byte[] index = new byte[(int) indexBytes];
        readAt(file, indexOffset, index, index.length);
        CRC32C crc = new CRC32C();
        crc.update(index);
        if ((t.getInt(20) & 0xFFFFFFFFL) != crc.getValue()) {
            throw new MalformedContainerException(String.format("CRC-32C of the index: the trailer says %08x, the"
                    + " index gives %08x", t.getInt(20), crc.getValue()), "trailer", 0, trailerAt + 20);
        }
        Parser p = new Parser(index, indexOffset);
        if (p.octet() != ContainerFormat.KIND_INDEX) {
            throw new MalformedContainerException("the trailer's index offset does not point at an index",
                    "index", 0, indexOffset);
        }
        long count = p.number("conversation count", index.length / 5);
        List<Entry> entries = new ArrayList<>((int) count);
        for (int c = 0; c < count; c++) {
            String id = p.text("conversation id", ContainerFormat.MAX_ID_BYTES);
            long messages = p.number("message count", (indexOffset - ContainerFormat.HEADER_BYTES)
                    / ContainerFormat.MIN_STREAM_RECORD_BYTES);
            long last = p.number("last stream offset", indexOffset - ContainerFormat.MIN_STREAM_RECORD_BYTES);
            if ((messages == 0) != (last == 0) || (last != 0 && last < ContainerFormat.HEADER_BYTES)) {
                throw new MalformedContainerException("conversation \"" + id + "\": " + messages + " messages but"
                        + " last stream record at " + last, "index", 0, p.offset());
            }
            int status = p.octet();
            Optional<ConversationFailure> failure = Optional.empty();
            if (status >= ContainerFormat.STATUS_FAILED && status <= ContainerFormat.STATUS_LAST) {
                long failed = p.number("failed message", Long.MAX_VALUE);
                failure = Optional.of(new ConversationFailure(id, failed,
                        ConversationFailure.Cause.values()[status - ContainerFormat.STATUS_FAILED],
                        p.text("failure reason", ContainerFormat.MAX_REASON_BYTES)));
            } else if (status != ContainerFormat.STATUS_COMPLETE) {
                throw new MalformedContainerException("status " + status + " (expected 0 complete, or 1..3 failed)",
                        "index", 0, p.offset() - 1);
            }
            entries.add(new Entry(c, id, messages, last, failure));
        }
        if (p.at != index.length) {
            throw new MalformedContainerException((index.length - p.at) + " bytes follow the index's last entry",
                    "index", 0, p.offset());
        }
        return new ContainerIndex(file, header, indexOffset, List.copyOf(entries));
    }

    public ContainerHeader header() {
        return header;
    }

    /** Every conversation, in container order. */
    public List<Entry> conversations() {
        return entries;
    }

    /** The conversations with this id, in order (an id restarted after idleness appears more than once). */
    public List<Entry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).toList();
    }

    /** A conversation's streams in message order, read through its back distances. */
    public List<Located> streams(Entry entry) throws IOException {
        int m = (int) entry.messages();
        long[] at = new long[m];
        int[] size = new int[m];
        long record = entry.lastStream();
        byte[] head = new byte[1 + 3 * Varint.MAX_BYTES];
        for (int k = m - 1; k >= 0; k--) {
            String where = "conversation \"" + entry.id() + "\" message " + (k + 1);
            if (record < ContainerFormat.HEADER_BYTES || record >= indexOffset) {
                throw new MalformedContainerException("its stream record would be at " + record + ", outside the"
                        + " records", where, k + 1, record);
            }
            int n = readAt(file, record, head, (int) Math.min(head.length, indexOffset - record));
            Parser p = new Parser(Arrays.copyOf(head, n), record);
            if (p.octet() != ContainerFormat.KIND_STREAM || p.number("conversation number", Integer.MAX_VALUE)
                    != entry.conversation()) {
                throw new MalformedContainerException("no stream record of this conversation here", where, k + 1,
                        record);
            }
            long back = p.number("back distance", record);
            long length = p.number("stream length", ContainerFormat.MAX_STREAM_BYTES);
            long start = record + p.at;
            if (length < ContainerFormat.MIN_STREAM_BYTES || start + length > indexOffset) {
                throw new MalformedContainerException("stream length " + length + " does not fit the records",
                        where, k + 1, record);
            }
            if ((back == 0) != (k == 0)) {
                throw new MalformedContainerException(k == 0 ? "the first stream record points further back"
                        : "the chain of stream records ends " + k + " records early", where, k + 1, record);
            }
            at[k] = start;
            size[k] = (int) length;
            record -= back;
        }
        List<Located> out = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            out.add(new Located(k + 1, at[k], size[k]));
        }
        return out;
    }

    /** Where message {@code message}'s stream lies. */
    public record Located(long message, long offset, int size) {
    }

    /** Reads a located stream's bytes. */
    public byte[] read(Located stream) throws IOException {
        byte[] b = new byte[stream.size()];
        int n = readAt(file, stream.offset(), b, b.length);
        if (n < b.length) {
            throw new MalformedContainerException("the stream is cut short", "message " + stream.message(),
                    stream.message(), stream.offset() + n);
        }
        return b;
    }

    private static int readAt(SeekableByteChannel file, long position, byte[] into, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(into, 0, length);
        file.position(position);
        while (buf.hasRemaining()) {
            if (file.read(buf) < 0) {
                break;
            }
        }
        return buf.position();
    }

    /** Numbers and texts from an array that holds a slice of the file starting at {@code base}. */
    private static final class Parser {
        final byte[] b;
        final long base;
        int at;

        Parser(byte[] b, long base) {
            this.b = b;
            this.base = base;
        }

        long offset() {
            return base + at;
        }

        int octet() {
            if (at >= b.length) {
                throw new MalformedContainerException("cut short", "index", 0, offset());
            }
            return b[at++] & 0xFF;
        }

        long number(String what, long max) {
            long start = offset();
            long value = 0;
            for (int i = 0; i < Varint.MAX_BYTES; i++) {
                int v = octet();
                value |= (long) (v & 0x7F) << (7 * i);
                if ((v & 0x80) == 0) {
                    if (v == 0 && i > 0) {
                        throw new MalformedContainerException("the " + what + " is not in its shortest form",
                                "index", 0, offset() - 1);
                    }
                    if (value > max) {
                        throw new MalformedContainerException("the " + what + " " + value + " is out of range (at"
                                + " most " + max + ")", "index", 0, start);
                    }
                    return value;
                }
            }
            throw new MalformedContainerException("the " + what + " runs over " + Varint.MAX_BYTES + " bytes",
                    "index", 0, start);
        }

        String text(String what, int maxBytes) {
            int length = (int) number(what + " length", maxBytes);
            if (length > b.length - at) {
                throw new MalformedContainerException("the " + what + " runs past the index", "index", 0, offset());
            }
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, at, length))
                        .toString();
                at += length;
                return s;
            } catch (CharacterCodingException e) {
                throw new MalformedContainerException("the " + what + " is not valid UTF-8", "index", 0, offset());
            }
        }
    }
}
