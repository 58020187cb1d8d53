package io.sigmalang.adapters.container;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.codec.EncoderSettings;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A container's checked 12-byte header.
 *
 * @param version  1 (streams only) or 2 (records, index, trailer)
 * @param batch    whether the conversations are named (written by encode-batch)
 * @param settings the encoder settings every conversation's decoder must use
 */
public record ContainerHeader(int version, boolean batch, EncoderSettings settings) {

    /** Checks the first {@code n} bytes of {@code header} (n may be short of 12 when the input ended). */
    static ContainerHeader parse(byte[] header, int n) {
        if (n < 4 || !Arrays.equals(header, 0, 4, ContainerFormat.MAGIC, 0, 4)) {
            throw new MalformedContainerException("not a sigmalang container (expected the magic bytes 53474c43"
                    + " \"SGLC\", found " + HexFormat.of().formatHex(header, 0, Math.min(n, 4)) + ")", 0, 0);
        }
        if (n < ContainerFormat.HEADER_BYTES) {
            throw new MalformedContainerException("the header is cut short after " + n + " of "
                    + ContainerFormat.HEADER_BYTES + " bytes", 0, n);
        }
        int version = header[4] & 0xFF;
        if (version != ContainerFormat.VERSION && version != ContainerFormat.VERSION_1) {
            throw new MalformedContainerException("container version " + version + " is not supported"
                    + " (expected 1 or 2)", 0, 4);
        }
        int flags = header[5] & 0xFF;
        int allowed = ContainerFormat.FLAG_BANK | ContainerFormat.FLAG_DELTA
                | (version == 2 ? ContainerFormat.FLAG_BATCH : 0);
        if ((flags & ~allowed) != 0) {
            throw new MalformedContainerException(String.format("unknown flags 0x%02x (allowed: bit 0 Σ-bank,"
                    + " bit 1 delta%s)", flags, version == 2 ? ", bit 2 batch" : ""), 0, 5);
        }
        int depth = header[6] & 0xFF;
        if (depth < 1 || depth > EncoderSettings.MAX_CONTEXT_DEPTH) {
            throw new MalformedContainerException("context depth " + depth + " is out of range (expected 1.."
                    + EncoderSettings.MAX_CONTEXT_DEPTH + ")", 0, 6);
        }
        if (header[7] != 0) {
            throw new MalformedContainerException("reserved byte is " + (header[7] & 0xFF) + ", expected 0", 0, 7);
        }
        long capacity = (header[8] & 0xFFL) << 24 | (header[9] & 0xFFL) << 16 | (header[10] & 0xFFL) << 8
                | (header[11] & 0xFFL);
        if (capacity < 1 || capacity > EncoderSettings.MAX_BANK_CAPACITY) {
            throw new MalformedContainerException("Σ-bank capacity " + capacity + " is out of range (expected 1.."
                    + EncoderSettings.MAX_BANK_CAPACITY + ")", 0, 8);
        }
        EncoderSettings settings = new EncoderSettings((flags & ContainerFormat.FLAG_BANK) != 0, (int) capacity,
                (flags & ContainerFormat.FLAG_DELTA) != 0, depth, Codebook.none());
        return new ContainerHeader(version, (flags & ContainerFormat.FLAG_BATCH) != 0, settings);
    }

    /** Whether a cut at a record boundary is detected (version 2 has a trailer; version 1 cannot tell). */
    public boolean detectsTruncation() {
        return version >= 2;
    }
}
