package io.sigmalang.adapters.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.adapters.container.ContainerRecord.Ended;
import io.sigmalang.adapters.container.ContainerRecord.Opened;
import io.sigmalang.adapters.container.ContainerRecord.Stream;
import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.domain.batch.BatchEncoder;
import io.sigmalang.domain.batch.BatchSettings;
import io.sigmalang.domain.batch.BatchSummary;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.testing.HeapTestPool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 containers: many conversations, an index, a trailer; every cut and every flipped byte is caught. */
class ContainerTest {
    private static final HexFormat HEX = HexFormat.of();
    /** The worked example of the conformance README: a composite 80 holding a leaf 16 "f". */
    private static final byte[] STREAM = HEX.parseHex("40000003df503001660b341a");
    private static final RuleBasedTextParser PARSER = new RuleBasedTextParser();

    /**
     * Derived by hand from docs/CONTAINER.md; the two CRC-32C values computed separately (a bitwise CRC-32C,
     * polynomial 0x82F63B78, whose check value for "123456789" is e3069283).
     */
    private static final String ONE_CONVERSATION = "53474c43" + "02" + "03" + "04" + "00" + "00000400"
            + "01" + "00" + "01" + "63"                          // 12: OPEN conversation 0, id "c"
            + "02" + "00" + "00" + "0c" + "40000003df503001660b341a" // 16: STREAM 0, first, 12 bytes
            + "03" + "00" + "00"                                 // 32: END 0, complete
            + "00" + "01" + "0163" + "01" + "10" + "00"           // 35: INDEX, 1 conversation "c", 1 message, last at 16
            + "0000000000000023" + "0000000000000001" + "3264dd9e" + "e83acf72" + "53474c45"; // 42: trailer

    @Test
    void writesTheDocumentedLayout() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContainerWriter writer = new ContainerWriter(out, EncoderSettings.defaults(), false);
        writer.opened(0, "c");
        writer.write(STREAM);
        writer.finish();
        assertEquals(ONE_CONVERSATION, HEX.formatHex(out.toByteArray()));
        assertEquals(70, writer.bytes());
    }

    @Test
    void readsTheDocumentedLayoutRecordByRecord() throws IOException {
        ContainerReader reader = new ContainerReader(new ByteArrayInputStream(HEX.parseHex(ONE_CONVERSATION)));
        assertEquals(EncoderSettings.defaults(), reader.settings());
        assertEquals(new Opened(0, "c"), reader.nextRecord());
        Stream s = assertInstanceOf(Stream.class, reader.nextRecord());
        assertArrayEquals(STREAM, s.stream());
        assertEquals(20, s.offset());
        assertEquals(new Ended(0, "c", 1, java.util.Optional.empty()), reader.nextRecord());
        assertNull(reader.nextRecord());
    }

    /** Two named conversations, interleaved, one failing at its third message. */
    private static Map<String, List<String>> conversations() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("alice", List.of("Write a Python function to sort a list", "hi there", "hi there",
                "Write a Python function to sort a dict"));
        c.put("bob", List.of("thanks", "can you fix the bug in main", "thanks"));
        c.put("ünïcode", List.of("日本語 please"));
        return c;
    }

    private static byte[] batchContainer(Map<String, List<String>> conversations, long seed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContainerWriter writer = new ContainerWriter(out, EncoderSettings.defaults(), true);
        Random r = new Random(seed);
        List<String[]> input = new ArrayList<>();
        Map<String, Integer> next = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(conversations.keySet());
        while (!ids.isEmpty()) {
            String id = ids.get(r.nextInt(ids.size()));
            int i = next.merge(id, 1, Integer::sum) - 1;
            input.add(new String[] {id, conversations.get(id).get(i)});
            if (i + 1 == conversations.get(id).size()) {
                ids.remove(id);
            }
        }
        try (BatchEncoder batch = new BatchEncoder(new HeapTestPool(64), EncoderSettings.defaults(), PARSER,
                BatchSettings.defaults().withWorkers(2), writer)) {
            for (String[] m : input) {
                batch.submit(m[0], m[1]);
            }
            BatchSummary summary = batch.finish();
            assertEquals(8, summary.messages());
        }
        writer.finish();
        return out.toByteArray();
    }

    private static List<ContainerRecord> readAll(byte[] container) throws IOException {
        ContainerReader reader = new ContainerReader(new ByteArrayInputStream(container));
        List<ContainerRecord> out = new ArrayList<>();
        for (ContainerRecord r = reader.nextRecord(); r != null; r = reader.nextRecord()) {
            out.add(r);
        }
        return out;
    }

    @Test
    void aBatchContainerDecodesEveryConversationFrontToBack() throws Exception {
        Map<String, List<String>> conversations = conversations();
        byte[] container = batchContainer(conversations, 1);
        Map<Integer, String> ids = new LinkedHashMap<>();
        Map<Integer, SigmaDecoder> decoders = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (ContainerRecord r : readAll(container)) {
            switch (r) {
                case Opened o -> {
                    ids.put(o.conversation(), o.id());
                    decoders.put(o.conversation(), new SigmaDecoder(EncoderSettings.defaults()));
                }
                case Stream s -> {
                    String id = ids.get(s.conversation());
                    int k = seen.merge(id, 1, Integer::sum);
                    assertEquals(k, s.message());
                    assertEquals(PARSER.parse(conversations.get(id).get(k - 1)).root(),
                            decoders.get(s.conversation()).decode(s.stream()).root(), id + " message " + k);
                }
                case Ended e -> assertEquals(conversations.get(e.id()).size(), e.messages());
            }
        }
        assertEquals(Map.of("alice", 4, "bob", 3, "ünïcode", 1), seen);
    }

    @Test
    void oneConversationIsReadThroughTheIndexWithoutTheOthersRecords(@TempDir Path dir) throws Exception {
        Map<String, List<String>> conversations = conversations();
        byte[] container = batchContainer(conversations, 2);
        // Spoil every stream byte of bob's and ünïcode's records: a front-to-back read fails on the checksum,
        // reading alice through the index never touches them.
        byte[] spoiled = container.clone();
        int aliceNumber = -1;
        for (ContainerRecord r : readAll(container)) {
            if (r instanceof Opened o && o.id().equals("alice")) {
                aliceNumber = o.conversation();
            }
            if (r instanceof Stream s && s.conversation() != aliceNumber) {
                for (int i = 0; i < s.stream().length; i++) {
                    spoiled[(int) s.offset() + i] ^= (byte) 0x5A;
                }
            }
        }
        assertThrows(MalformedContainerException.class, () -> readAll(spoiled));
        Path file = dir.resolve("batch.sigma");
        Files.write(file, spoiled);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ContainerIndex index = ContainerIndex.read(channel);
            assertEquals(List.of("alice", "bob", "ünïcode"),
                    index.conversations().stream().map(ContainerIndex.Entry::id).sorted().toList());
            ContainerIndex.Entry alice = index.find("alice").get(0);
            assertEquals(4, alice.messages());
            SigmaDecoder decoder = new SigmaDecoder(index.header().settings());
            List<ContainerIndex.Located> streams = index.streams(alice);
            assertEquals(4, streams.size());
            for (int k = 0; k < 4; k++) {
                assertEquals(PARSER.parse(conversations.get("alice").get(k)).root(),
                        decoder.decode(index.read(streams.get(k))).root());
            }
        }
    }

    @Test
    void everyCutIsAnErrorAtRecordBoundariesToo() throws Exception {
        byte[] container = batchContainer(conversations(), 3);
        assertEquals(readAll(container).size(), 3 + 8 + 3);
        for (int length = 0; length < container.length; length++) {
            byte[] cut = Arrays.copyOf(container, length);
            MalformedContainerException e = assertThrows(MalformedContainerException.class, () -> readAll(cut),
                    "cut after " + length + " bytes");
            assertTrue(!e.getMessage().contains("\n"));
        }
    }

    @Test
    void everyFlippedByteAfterTheHeaderIsAnError() throws Exception {
        byte[] container = batchContainer(conversations(), 4);
        for (int i = ContainerFormat.HEADER_BYTES; i < container.length; i++) {
            byte[] flipped = container.clone();
            flipped[i] ^= 0x01;
            assertThrows(MalformedContainerException.class, () -> readAll(flipped), "byte " + i + " flipped");
        }
    }

    @Test
    void aFailedConversationIsRecordedWithItsReason() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContainerWriter writer = new ContainerWriter(out, EncoderSettings.defaults(), true);
        writer.opened(0, "x");
        writer.write(STREAM);
        writer.ended(0, new io.sigmalang.domain.batch.ConversationResult(0, "x", 1, 3, java.util.Optional.of(
                new io.sigmalang.domain.batch.ConversationFailure("x", 2,
                        io.sigmalang.domain.batch.ConversationFailure.Cause.REJECTED, "the tree needs 5000 glyphs"))));
        writer.finish();
        List<ContainerRecord> records = readAll(out.toByteArray());
        Ended e = assertInstanceOf(Ended.class, records.get(2));
        assertEquals("conversation \"x\" message 2: the tree needs 5000 glyphs", e.failure().orElseThrow().toString());
        assertEquals(io.sigmalang.domain.batch.ConversationFailure.Cause.REJECTED, e.failure().orElseThrow().cause());
    }

    private static String error(String hex) {
        return assertThrows(MalformedContainerException.class, () -> readAll(HEX.parseHex(hex))).getMessage();
    }

    @Test
    void namesWhatIsWrongAndWhere() {
        String header = "53474c43020304000000" + "0400";
        assertEquals("records at container byte 12: the container ends after 0 message(s) without its index and"
                + " trailer: it was cut short, or never finished", error(header));
        assertEquals("record at container byte 12: unknown record kind 0x07 (expected 00 index, 01 open, 02 stream,"
                + " 03 end)", error(header + "07"));
        assertEquals("record at container byte 12: conversation 5 was never opened (0 are)", error(header + "0205"));
        assertEquals("record at container byte 16: a second conversation in a container without the batch flag",
                error(header + "01000163" + "01010164"));
        assertEquals("message 1 at container byte 16: stream length 6 is not the size of a ΣLANG stream"
                + " (7..134197251 bytes)", error(header + "01000163" + "02000006"));
        assertEquals("message 1 at container byte 16: the stream length 4294967295 is out of range (at most"
                + " 134197251)", error(header + "01000163" + "020000ffffffff0f"));
        assertEquals("record at container byte 15: the conversation id length is not in its shortest form",
                error(header + "01008000"));
        assertEquals("message 1 at container byte 26: the stream is cut short: 6 of 12 bytes present",
                error(header + "01000163" + "0200000c" + "40000003df50"));
    }

    @Test
    void anIndexWithoutTrailerIsFoundCutShort(@TempDir Path dir) throws IOException {
        byte[] whole = HEX.parseHex(ONE_CONVERSATION);
        Path file = dir.resolve("cut.sigma");
        Files.write(file, Arrays.copyOf(whole, whole.length - 1));
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            MalformedContainerException e = assertThrows(MalformedContainerException.class,
                    () -> ContainerIndex.read(channel));
            assertTrue(e.getMessage().contains("cut short"), e.getMessage());
        }
        ByteBuffer.wrap(whole).putInt(whole.length - 8, 0x12345678);
        Files.write(file, whole);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            assertEquals("trailer at container byte 62: CRC-32C of the index: the trailer says 12345678, the index"
                    + " gives e83acf72", assertThrows(MalformedContainerException.class,
                            () -> ContainerIndex.read(channel)).getMessage());
        }
    }

    @Test
    void everyFlippedByteThroughTheIndexIsAContainerOrStreamErrorNeverAnythingElse(@TempDir Path dir)
            throws Exception {
        byte[] container = batchContainer(conversations(), 5);
        Path file = dir.resolve("flipped.sigma");
        for (int i = 0; i < container.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] flipped = container.clone();
                flipped[i] ^= (byte) bit;
                Files.write(file, flipped);
                try (SeekableByteChannel channel = Files.newByteChannel(file)) {
                    ContainerIndex index = ContainerIndex.read(channel);
                    for (ContainerIndex.Entry e : index.conversations()) {
                        SigmaDecoder decoder = new SigmaDecoder(index.header().settings());
                        for (ContainerIndex.Located s : index.streams(e)) {
                            decoder.decode(index.read(s));
                        }
                    }
                } catch (MalformedContainerException | io.sigmalang.domain.format.MalformedStreamException e) {
                    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
                } catch (RuntimeException e) {
                    throw new AssertionError("byte " + i + " flipped with " + bit + ": " + e, e);
                }
            }
        }
    }
}
