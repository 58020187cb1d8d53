package io.sigmalang.adapters.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sigmalang.adapters.container.ContainerReader;
import io.sigmalang.adapters.container.ContainerWriter;
import io.sigmalang.adapters.container.MalformedContainerException;
import io.sigmalang.domain.codec.DecoderLimits;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The container reader and the decoder behind it under fuzzed files: the only failures are
 * {@link MalformedContainerException} and {@link MalformedStreamException}; and a container read to its end
 * gives trees that, written again by an encoder with the container's settings, read back equal.
 */
class ContainerReaderFuzzTest {
    private static final DecoderLimits LIMITS = new DecoderLimits(8L << 20, 65536, 16, 1L << 16, 1L << 12);

    @FuzzTest(maxDuration = "24h", maxExecutions = 10_000_000)
    void readsOrRefusesAndWhatItReadsRoundTrips(byte[] file) throws IOException {
        List<SemanticTree> trees = new ArrayList<>();
        ContainerReader reader;
        try {
            reader = new ContainerReader(new ByteArrayInputStream(file));
            SigmaDecoder decoder = new SigmaDecoder(reader.settings(), LIMITS);
            for (byte[] stream = reader.next(); stream != null; stream = reader.next()) {
                trees.add(decoder.decode(stream));
            }
        } catch (MalformedContainerException | MalformedStreamException e) {
            return;
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        ContainerWriter writer = new ContainerWriter(again, reader.settings(), false);
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), reader.settings());
        for (SemanticTree tree : trees) {
            writer.write(encoder.encode(tree));
        }
        writer.finish();
        ContainerReader reread = new ContainerReader(new ByteArrayInputStream(again.toByteArray()));
        SigmaDecoder decoder = new SigmaDecoder(reread.settings());
        for (SemanticTree tree : trees) {
            assertEquals(tree, decoder.decode(reread.next()));
        }
        assertEquals(null, reread.next());
    }
}
