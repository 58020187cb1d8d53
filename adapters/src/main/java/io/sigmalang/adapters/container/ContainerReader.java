package io.sigmalang.adapters.container;

import io.sigmalang.adapters.container.ContainerRecord.Ended;
import io.sigmalang.adapters.container.ContainerRecord.Opened;
import io.sigmalang.adapters.container.ContainerRecord.Stream;
import io.sigmalang.domain.batch.ConversationFailure;
import io.sigmalang.domain.codec.EncoderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Reads a container front to back, strictly: the header when constructed, then one record per
 * {@link #nextRecord()}. Version 2: OPEN, STREAM and END records, then the index, which must say exactly what
 * the records said, and the trailer, whose counts and CRC-32C checksums must match, and nothing after it; a
 * file cut anywhere, at a record boundary too, is an error. Version 1 (streams only) is still read, but its
 * end cannot be told from a cut at a record boundary ({@link ContainerHeader#detectsTruncation()}).
 *
 * <p>Every problem raises {@link MalformedContainerException} naming the conversation and message, or the
 * structure, and the container offset. Every size read from the file is checked against its bounds before
 * anything is allocated for it; a stream's bytes are read in pieces as they arrive, so a length is never
 * trusted further than the file really goes. Memory: one small entry per conversation.
 */
public final class ContainerReader {
    private final InputStream in;
    private final ContainerHeader header;
    private final CRC32C crc = new CRC32C();
    private final byte[] one = new byte[1];
    private long offset;
    private long streams;
    private long lastStreamOffset;
    private boolean done;
    private final List<State> conversations = new ArrayList<>();

    /** What the records said of one conversation, for checking the index. */
    private static final class State {
        final String id;
        long messages;
        long lastStream = -1;
        boolean ended;
        Optional<ConversationFailure> failure = Optional.empty();

        State(String id) {
            this.id = id;
        }
    }

    /** Reads and checks the header from {@code in} (best buffered; not closed here). */
    public ContainerReader(InputStream in) throws IOException {
        this.in = Objects.requireNonNull(in, "in");
        byte[] bytes = new byte[ContainerFormat.HEADER_BYTES];
        int n = in.readNBytes(bytes, 0, bytes.length);
        this.header = ContainerHeader.parse(bytes, n);
        this.offset = n;
    }

    public ContainerHeader header() {
        return header;
    }

    /** The settings of the encoder that wrote the container: a decoder must use the same. */
    public EncoderSettings settings() {
        return header.settings();
    }

    /** The next record, or {@code null} once the whole container has been read and checked. */
    public ContainerRecord nextRecord() throws IOException {
        if (done) {
            return null;
        }
        return header.version() == ContainerFormat.VERSION_1 ? nextVersion1() : nextVersion2();
    }

    /** The next stream (skipping the other records), or {@code null} at the end. */
    public byte[] next() throws IOException {
        for (ContainerRecord r = nextRecord(); r != null; r = nextRecord()) {
            if (r instanceof Stream s) {
                return s.stream();
            }
        }
        return null;
    }

    /** Streams read so far, over all conversations. */
    public long messages() {
        return streams;
    }

    /** The container offset of the first byte of the stream last returned. */
    public long lastStreamOffset() {
        return lastStreamOffset;
    }

    // ---- version 1: a length and a stream, to the end of the file

    private ContainerRecord nextVersion1() throws IOException {
        if (conversations.isEmpty()) {
            conversations.add(new State(""));
            return new Opened(0, "");
        }
        State c = conversations.get(0);
        long message = streams + 1;
        byte[] length = new byte[4];
        int n = in.readNBytes(length, 0, 4);
        if (n == 0) {
            done = true;
            return new Ended(0, "", c.messages, Optional.empty());
        }
        if (n < 4) {
            throw new MalformedContainerException("the record length is cut short after " + n + " of 4 bytes",
                    message, offset);
        }
        long size = (length[0] & 0xFFL) << 24 | (length[1] & 0xFFL) << 16 | (length[2] & 0xFFL) << 8
                | (length[3] & 0xFFL);
        if (size < ContainerFormat.MIN_STREAM_BYTES || size > ContainerFormat.MAX_STREAM_BYTES) {
            throw new MalformedContainerException("record length " + size + " is not the size of a ΣLANG stream"
                    + " (" + ContainerFormat.MIN_STREAM_BYTES + ".." + ContainerFormat.MAX_STREAM_BYTES + " bytes)",
                    message, offset);
        }
        byte[] stream = in.readNBytes((int) size);
        if (stream.length < size) {
            throw new MalformedContainerException("the stream is cut short: " + stream.length + " of " + size
                    + " bytes present", message, offset + 4 + stream.length);
        }
        lastStreamOffset = offset + 4;
        offset += 4 + size;
        streams = message;
        c.messages = message;
        return new Stream(0, message, stream, lastStreamOffset);
    }

    // ---- version 2: records, index, trailer

    private ContainerRecord nextVersion2() throws IOException {
        long start = offset;
        long recordsCrc = crc.getValue();
        int kind = readByte();
        if (kind < 0) {
            throw new MalformedContainerException("the container ends after " + streams + " message(s) without its"
                    + " index and trailer: it was cut short, or never finished", "records", 0, start);
        }
        return switch (kind) {
            case ContainerFormat.KIND_OPEN -> readOpen(start);
            case ContainerFormat.KIND_STREAM -> readStream(start);
            case ContainerFormat.KIND_END -> readEnd(start);
            case ContainerFormat.KIND_INDEX -> {
                readIndexAndTrailer(start, recordsCrc);
                done = true;
                yield null;
            }
            default -> throw new MalformedContainerException(String.format("unknown record kind 0x%02x (expected"
                    + " 00 index, 01 open, 02 stream, 03 end)", kind), "record", 0, start);
        };
    }

    private Opened readOpen(long start) throws IOException {
        long c = readNumber("conversation number", Integer.MAX_VALUE, "record", start);
        if (c != conversations.size()) {
            throw new MalformedContainerException("opens conversation " + c + ", but the next is "
                    + conversations.size(), "record", 0, start);
        }
        if (!header.batch() && c > 0) {
            throw new MalformedContainerException("a second conversation in a container without the batch flag",
                    "record", 0, start);
        }
        String id = readText("conversation id", ContainerFormat.MAX_ID_BYTES, "record", start);
        conversations.add(new State(id));
        return new Opened((int) c, id);
    }

    private Stream readStream(long start) throws IOException {
        State c = conversation(readNumber("conversation number", Integer.MAX_VALUE, "record", start), start);
        long message = c.messages + 1;
        String where = where(c, message);
        long back = readNumber("back distance", start, where, start);
        long expected = c.lastStream < 0 ? 0 : start - c.lastStream;
        if (back != expected) {
            throw new MalformedContainerException("back distance " + back + " does not lead to the conversation's"
                    + " previous stream record (expected " + expected + ")", where, message, start);
        }
        long size = readNumber("stream length", ContainerFormat.MAX_STREAM_BYTES, where, start);
        if (size < ContainerFormat.MIN_STREAM_BYTES) {
            throw new MalformedContainerException("stream length " + size + " is not the size of a ΣLANG stream ("
                    + ContainerFormat.MIN_STREAM_BYTES + ".." + ContainerFormat.MAX_STREAM_BYTES + " bytes)", where,
                    message, start);
        }
        long streamStart = offset;
        byte[] stream = in.readNBytes((int) size);
        crc.update(stream);
        offset += stream.length;
        if (stream.length < size) {
            throw new MalformedContainerException("the stream is cut short: " + stream.length + " of " + size
                    + " bytes present", where, message, offset);
        }
        c.messages = message;
        c.lastStream = start;
        streams++;
        lastStreamOffset = streamStart;
        return new Stream(conversations.indexOf(c), message, stream, streamStart);
    }

    private Ended readEnd(long start) throws IOException {
        long number = readNumber("conversation number", Integer.MAX_VALUE, "record", start);
        State c = conversation(number, start);
        c.failure = readOutcome(c, "record", start);
        c.ended = true;
        return new Ended((int) number, c.id, c.messages, c.failure);
    }

    private void readIndexAndTrailer(long indexOffset, long recordsCrc) throws IOException {
        crc.reset();
        crc.update(ContainerFormat.KIND_INDEX);
        long count = readNumber("conversation count", Integer.MAX_VALUE, "index", indexOffset);
        if (count != conversations.size()) {
            throw new MalformedContainerException("the index lists " + count + " conversations, the records opened "
                    + conversations.size(), "index", 0, indexOffset);
        }
        for (State c : conversations) {
            long at = offset;
            if (!c.ended) {
                throw new MalformedContainerException("conversation \"" + c.id + "\" has no END record",
                        "index", 0, at);
            }
            String id = readText("conversation id", ContainerFormat.MAX_ID_BYTES, "index", at);
            long messages = readNumber("message count", Long.MAX_VALUE, "index", at);
            long last = readNumber("last stream offset", Long.MAX_VALUE, "index", at);
            Optional<ConversationFailure> failure = readOutcome(new State(id), "index", at);
            if (!id.equals(c.id) || messages != c.messages || last != Math.max(0, c.lastStream)
                    || !failure.equals(c.failure)) {
                throw new MalformedContainerException("the index entry of conversation \"" + c.id + "\" does not"
                        + " match its records (" + c.messages + " messages, last stream record at "
                        + Math.max(0, c.lastStream) + ")", "index", 0, at);
            }
        }
        long indexCrc = crc.getValue();
        long trailerAt = offset;
        byte[] trailer = in.readNBytes(ContainerFormat.TRAILER_BYTES);
        offset += trailer.length;
        if (trailer.length < ContainerFormat.TRAILER_BYTES) {
            throw new MalformedContainerException("the trailer is cut short after " + trailer.length + " of "
                    + ContainerFormat.TRAILER_BYTES + " bytes", "trailer", 0, trailerAt);
        }
        ByteBuffer t = ByteBuffer.wrap(trailer);
        if (!Arrays.equals(trailer, 24, 28, ContainerFormat.END_MAGIC, 0, 4)) {
            throw new MalformedContainerException("the trailer does not end with \"SGLE\"", "trailer", 0,
                    trailerAt + 24);
        }
        check(t.getLong(0) == indexOffset, "the trailer puts the index at " + t.getLong(0) + ", it is at "
                + indexOffset, trailerAt);
        check(t.getLong(8) == streams, "the trailer counts " + t.getLong(8) + " messages, the records hold "
                + streams, trailerAt + 8);
        check((t.getInt(16) & 0xFFFFFFFFL) == recordsCrc, String.format("CRC-32C of the records: the trailer"
                + " says %08x, the records give %08x", t.getInt(16), recordsCrc), trailerAt + 16);
        check((t.getInt(20) & 0xFFFFFFFFL) == indexCrc, String.format("CRC-32C of the index: the trailer says"
                + " %08x, the index gives %08x", t.getInt(20), indexCrc), trailerAt + 20);
        if (in.read() >= 0) {
            throw new MalformedContainerException("bytes follow the trailer", "trailer", 0, offset);
        }
    }

    private static void check(boolean ok, String problem, long at) {
        if (!ok) {
            throw new MalformedContainerException(problem, "trailer", 0, at);
        }
    }

    private Optional<ConversationFailure> readOutcome(State c, String where, long start) throws IOException {
        int status = readByte();
        if (status == ContainerFormat.STATUS_COMPLETE) {
            return Optional.empty();
        }
        if (status < ContainerFormat.STATUS_FAILED || status > ContainerFormat.STATUS_LAST) {
            throw new MalformedContainerException(status < 0 ? "cut short before the status"
                    : "status " + status + " (expected 0 complete, or 1..3 failed)", where, 0, offset - 1);
        }
        long failed = readNumber("failed message", Long.MAX_VALUE, where, start);
        if (failed < 1) {
            throw new MalformedContainerException("failed message number 0 (messages count from 1)", where, 0, start);
        }
        String reason = readText("failure reason", ContainerFormat.MAX_REASON_BYTES, where, start);
        return Optional.of(new ConversationFailure(c.id, failed,
                ConversationFailure.Cause.values()[status - ContainerFormat.STATUS_FAILED], reason));
    }

    private State conversation(long number, long start) {
        if (number >= conversations.size()) {
            throw new MalformedContainerException("conversation " + number + " was never opened (" + conversations.size()
                    + " are)", "record", 0, start);
        }
        State c = conversations.get((int) number);
        if (c.ended) {
            throw new MalformedContainerException("conversation \"" + c.id + "\" has already ended", "record", 0,
                    start);
        }
        return c;
    }

    private String where(State c, long message) {
        return header.batch() ? "conversation \"" + c.id + "\" message " + message : "message " + message;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b >= 0) {
            one[0] = (byte) b;
            crc.update(b);
            offset++;
        }
        return b;
    }

    /** An unsigned LEB128 number of at most {@code max}, in its shortest form. */
    private long readNumber(String what, long max, String where, long start) throws IOException {
        long value = 0;
        for (int i = 0; i < Varint.MAX_BYTES; i++) {
            int b = readByte();
            if (b < 0) {
                throw new MalformedContainerException("cut short inside the " + what, where, 0, offset);
            }
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new MalformedContainerException("the " + what + " is not in its shortest form", where, 0,
                            offset - 1);
                }
                if (value > max) {
                    throw new MalformedContainerException("the " + what + " " + value + " is out of range (at most "
                            + max + ")", where, 0, start);
                }
                return value;
            }
        }
        throw new MalformedContainerException("the " + what + " runs over " + Varint.MAX_BYTES + " bytes", where, 0,
                offset);
    }

    private String readText(String what, int maxBytes, String where, long start) throws IOException {
        int length = (int) readNumber(what + " length", maxBytes, where, start);
        long at = offset;
        byte[] bytes = in.readNBytes(length);
        crc.update(bytes);
        offset += bytes.length;
        if (bytes.length < length) {
            throw new MalformedContainerException("cut short inside the " + what, where, 0, offset);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedContainerException("the " + what + " is not valid UTF-8", where, 0, at);
        }
    }
}
