package io.sigmalang.adapters.container;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.codec.EncoderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Reads a container written by {@link ContainerWriter}: the header when constructed, then one stream per
 * {@link #next()} call. Every structural problem raises {@link MalformedContainerException} naming the message
 * and the container offset; the streams themselves are checked by the decoder.
 */
public final class ContainerReader {
    private final InputStream in;
    private final EncoderSettings settings;
    private long offset;
    private long messages;
    private long lastRecordOffset;

    /** Reads and checks the header from {@code in} (best buffered; not closed here). */
    public ContainerReader(InputStream in) throws IOException {
        this.in = Objects.requireNonNull(in, "in");
        byte[] header = new byte[ContainerFormat.HEADER_BYTES];
        int n = in.readNBytes(header, 0, header.length);
        if (n < 4 || !Arrays.equals(header, 0, 4, ContainerFormat.MAGIC, 0, 4)) {
            throw new MalformedContainerException("not a sigmalang container (expected the magic bytes 53474c43 \"SGLC\","
                    + " found " + HexFormat.of().formatHex(header, 0, Math.min(n, 4)) + ")", 0, 0);
        }
        if (n < header.length) {
            throw new MalformedContainerException("the header is cut short after " + n + " of "
                    + ContainerFormat.HEADER_BYTES + " bytes", 0, n);
        }
        if (header[4] != ContainerFormat.VERSION) {
            throw new MalformedContainerException("container version " + (header[4] & 0xFF) + " is not supported"
                    + " (expected " + ContainerFormat.VERSION + ")", 0, 4);
        }
        int flags = header[5] & 0xFF;
        if ((flags & ~(ContainerFormat.FLAG_BANK | ContainerFormat.FLAG_DELTA)) != 0) {
            throw new MalformedContainerException(String.format("unknown flags 0x%02x (allowed: bit 0 Σ-bank,"
                    + " bit 1 delta)", flags), 0, 5);
        }
        int depth = header[6] & 0xFF;
        if (depth < 1 || depth > EncoderSettings.MAX_CONTEXT_DEPTH) {
            throw new MalformedContainerException("context depth " + depth + " is out of range (expected 1.."
                    + EncoderSettings.MAX_CONTEXT_DEPTH + ")", 0, 6);
        }
        if (header[7] != 0) {
            throw new MalformedContainerException("reserved byte is " + (header[7] & 0xFF) + ", expected 0", 0, 7);
        }
        long capacity = getUnsignedInt(header, 8);
        if (capacity < 1 || capacity > EncoderSettings.MAX_BANK_CAPACITY) {
            throw new MalformedContainerException("Σ-bank capacity " + capacity + " is out of range (expected 1.."
                    + EncoderSettings.MAX_BANK_CAPACITY + ")", 0, 8);
        }
        this.settings = new EncoderSettings((flags & ContainerFormat.FLAG_BANK) != 0, (int) capacity,
                (flags & ContainerFormat.FLAG_DELTA) != 0, depth, Codebook.none());
        this.offset = header.length;
    }

    /** The settings of the encoder that wrote the container: a decoder must use the same. */
    public EncoderSettings settings() {
        return settings;
    }

    /** The next stream, or {@code null} at the end of the container. */
    public byte[] next() throws IOException {
        long message = messages + 1;
        byte[] length = new byte[4];
        int n = in.readNBytes(length, 0, 4);
        if (n == 0) {
            return null;
        }
        if (n < 4) {
            throw new MalformedContainerException("the record length is cut short after " + n + " of 4 bytes",
                    message, offset);
        }
        long size = getUnsignedInt(length, 0);
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
        lastRecordOffset = offset + 4;
        offset += 4 + size;
        messages = message;
        return stream;
    }

    /** Messages read so far. */
    public long messages() {
        return messages;
    }

    /** The container offset of the first byte of the stream last returned by {@link #next()}. */
    public long lastStreamOffset() {
        return lastRecordOffset;
    }

    private static long getUnsignedInt(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }
}
