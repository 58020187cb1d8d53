package io.sigmalang.adapters.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sigmalang.adapters.container.ContainerDecoding;
import io.sigmalang.adapters.container.ContainerReader;
import io.sigmalang.adapters.container.ContainerWriter;
import io.sigmalang.adapters.container.MalformedContainerException;
import io.sigmalang.domain.codec.DecoderLimits;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container reader and the decoding behind it under fuzzed files, single-conversation (version 1 and 2) and
 * multi-conversation (from {@code encode-batch}) alike, read as {@code decode} reads them: through
 * {@link ContainerDecoding}, one decoder per conversation. The only failures are {@link MalformedContainerException}
 * and {@link MalformedStreamException}; and every conversation of a container read to its end round-trips: its
 * trees, encoded again by a fresh encoder with the container's settings and written to a container of their own,
 * read back equal.
 */
class ContainerReaderFuzzTest {
    private static final DecoderLimits LIMITS = new DecoderLimits(8L << 20, 65536, 16, 1L << 16, 1L << 12);

    @FuzzTest(maxDuration = "24h", maxExecutions = 10_000_000)
    void readsOrRefusesAndWhatItReadsRoundTrips(byte[] file) throws IOException {
        Map<Integer, List<SemanticTree>> conversations = new LinkedHashMap<>();
        ContainerReader reader;
        try {
            reader = new ContainerReader(new ByteArrayInputStream(file));
            ContainerDecoding decoding =
                    new ContainerDecoding(reader, settings -> new SigmaDecoder(settings, LIMITS));
            for (ContainerDecoding.Decoded d = decoding.next(ended -> { }); d != null; d = decoding.next(ended -> { })) {
                conversations.computeIfAbsent(d.conversation(), c -> new ArrayList<>()).add(d.tree());
            }
        } catch (MalformedContainerException | MalformedStreamException e) {
            return;
        }
        EncoderSettings settings = reader.settings();
        for (List<SemanticTree> trees : conversations.values()) {
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            ContainerWriter writer = new ContainerWriter(again, settings, false);
            SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), settings);
            for (SemanticTree tree : trees) {
                writer.write(encoder.encode(tree));
            }
            writer.finish();
            ContainerReader reread = new ContainerReader(new ByteArrayInputStream(again.toByteArray()));
            SigmaDecoder decoder = new SigmaDecoder(reread.settings());
            for (SemanticTree tree : trees) {
                assertEquals(tree, decoder.decode(reread.next()));
            }
            assertNull(reread.next());
        }
    }
}
