package io.sigmalang.adapters.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmalang.domain.codebook.Codebook;
import io.sigmalang.domain.codec.EncoderSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Version 1 containers (streams only, before the index and trailer) are still read, strictly. */
class ContainerVersion1Test {
    private static final HexFormat HEX = HexFormat.of();
    /** The worked example of the conformance README: a composite 80 holding a leaf 16 "f". */
    private static final byte[] STREAM = HEX.parseHex("40000003df503001660b341a");

    @Test
    void readsBackSettingsAndStreams() throws IOException {
        // Version 1, flags: delta only, depth 16, capacity 65536; two records.
        String hex = "53474c43" + "01" + "02" + "10" + "00" + "00010000" + "0000000c" + HEX.formatHex(STREAM)
                + "00000007" + "40000001102164";
        ContainerReader reader = new ContainerReader(new ByteArrayInputStream(HEX.parseHex(hex)));
        assertEquals(new EncoderSettings(false, 65536, true, 16, Codebook.none()), reader.settings());
        assertFalse(reader.header().detectsTruncation());
        assertArrayEquals(STREAM, reader.next());
        assertEquals(16, reader.lastStreamOffset());
        assertArrayEquals(HEX.parseHex("40000001102164"), reader.next());
        assertNull(reader.next());
        assertEquals(2, reader.messages());
    }

    private static String error(String hex) {
        return assertThrows(MalformedContainerException.class, () -> {
            ContainerReader reader = new ContainerReader(new ByteArrayInputStream(HEX.parseHex(hex)));
            while (reader.next() != null) {
                // read to the end
            }
        }).getMessage();
    }

    @Test
    void refusesBadHeaders() {
        assertEquals("container header at container byte 0: not a sigmalang container (expected the magic bytes"
                + " 53474c43 \"SGLC\", found 40000003)", error("40000003df503001660b341a"));
        assertEquals("container header at container byte 6: the header is cut short after 6 of 12 bytes",
                error("53474c430103"));
        assertEquals("container header at container byte 4: container version 3 is not supported (expected 1 or 2)",
                error("53474c43030304000000040000"));
        assertEquals("container header at container byte 5: unknown flags 0x04 (allowed: bit 0 Σ-bank, bit 1 delta)",
                error("53474c43010404000000040000"));
        assertEquals("container header at container byte 6: context depth 17 is out of range (expected 1..16)",
                error("53474c43010311000000040000"));
        assertEquals("container header at container byte 8: Σ-bank capacity 65537 is out of range (expected 1..65536)",
                error("53474c43010304000001000100"));
    }

    @Test
    void refusesBadRecordsNamingMessageAndOffset() {
        String header = "53474c43010304000000" + "0400";
        String first = "0000000c40000003df503001660b341a";
        assertEquals("message 2 at container byte 28: the record length is cut short after 2 of 4 bytes",
                error(header + first + "0000"));
        assertEquals("message 2 at container byte 28: record length 4294967295 is not the size of a ΣLANG stream"
                + " (7..134197251 bytes)", error(header + first + "ffffffff"));
        assertEquals("message 2 at container byte 28: record length 6 is not the size of a ΣLANG stream"
                + " (7..134197251 bytes)", error(header + first + "00000006"));
        assertEquals("message 2 at container byte 34: the stream is cut short: 2 of 7 bytes present",
                error(header + first + "000000074000"));
    }
}
