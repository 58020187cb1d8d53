package io.sigmalang.adapters.container;

import io.sigmalang.domain.codec.EncoderSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** Writes a container: the header for the given settings at once, then one record per {@link #write} call. */
public final class ContainerWriter {
    private final OutputStream out;
    private long messages;
    private long bytes;

    /**
     * Writes the header to {@code out} (which is neither buffered nor closed here).
     *
     * @throws IllegalArgumentException when the settings carry a codebook, which a container cannot record
     */
    public ContainerWriter(OutputStream out, EncoderSettings settings) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        byte[] header = new byte[ContainerFormat.HEADER_BYTES];
        System.arraycopy(ContainerFormat.MAGIC, 0, header, 0, 4);
        header[4] = ContainerFormat.VERSION;
        header[5] = (byte) ((settings.bankEnabled() ? ContainerFormat.FLAG_BANK : 0)
                | (settings.deltaEnabled() ? ContainerFormat.FLAG_DELTA : 0));
        header[6] = (byte) settings.contextDepth();
        header[7] = 0;
        putInt(header, 8, settings.bankCapacity());
        out.write(header);
        bytes = header.length;
    }

    /** Appends one stream as the next message. */
    public void write(byte[] stream) throws IOException {
        if (stream.length < ContainerFormat.MIN_STREAM_BYTES || stream.length > ContainerFormat.MAX_STREAM_BYTES) {
            throw new IllegalArgumentException("a ΣLANG stream has " + ContainerFormat.MIN_STREAM_BYTES + ".."
                    + ContainerFormat.MAX_STREAM_BYTES + " bytes, this one " + stream.length);
        }
        byte[] length = new byte[4];
        putInt(length, 0, stream.length);
        out.write(length);
        out.write(stream);
        messages++;
        bytes += 4L + stream.length;
    }

    /** Messages written so far. */
    public long messages() {
        return messages;
    }

    /** Container bytes written so far, header included. */
    public long bytes() {
        return bytes;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
