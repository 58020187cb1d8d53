package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.testing.RandomTrees;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The no-copy form: the stream handed over in the pool's buffers, the same bytes as the copying forms. */
class NoCopyFormTest {
    /** A tree whose stream needs 4 + 2 + 40 + 2 = 48 bytes (header, glyph head and length, payload, CRC). */
    private static final SemanticTree FORTY_X = SemanticTree.of(SemanticNode.leaf(0x10, "x".repeat(40)));

    /** Collects every chunk's bytes, as a container writer would. */
    private static final class Collecting implements StreamSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> chunkSizes = new ArrayList<>();
        int declared;

        @Override
        public void accept(EncodedStream stream) {
            declared = stream.size();
            for (int i = 0; i < stream.chunkCount(); i++) {
                ByteBuffer chunk = stream.chunk(i);
                chunkSizes.add(chunk.remaining());
                byte[] b = new byte[chunk.remaining()];
                chunk.get(b);
                bytes.write(b, 0, b.length);
            }
        }
    }

    private static List<SemanticNode> conversation(long seed, int length) {
        RandomTrees trees = new RandomTrees(seed);
        Random r = trees.random();
        List<SemanticNode> messages = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int kind = messages.isEmpty() ? 0 : r.nextInt(3);
            SemanticNode earlier = messages.isEmpty() ? null : messages.get(r.nextInt(messages.size()));
            messages.add(switch (kind) {
                case 0 -> trees.tree(40);
                case 1 -> earlier;
                default -> trees.mutate(earlier);
            });
        }
        return messages;
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 64, 4096})
    void deliversTheBytesOfTheCopyingFormAndTheyDecode(int bufferSize) throws IOException {
        for (EncoderSettings settings : List.of(EncoderSettings.defaults(), EncoderSettings.fullFormOnly())) {
            List<SemanticNode> messages = conversation(bufferSize * 31L, 120);
            HeapTestPool pool = new HeapTestPool(bufferSize);
            SigmaEncoder copying = new SigmaEncoder(new HeapTestPool(4096), settings);
            SigmaDecoder decoder = new SigmaDecoder(settings);
            try (SigmaEncoder noCopy = new SigmaEncoder(pool, settings)) {
                for (SemanticNode m : messages) {
                    Collecting sink = new Collecting();
                    int size = noCopy.encode(SemanticTree.of(m), sink);
                    byte[] expected = copying.encode(SemanticTree.of(m));
                    assertArrayEquals(expected, sink.bytes.toByteArray());
                    assertEquals(expected.length, size);
                    assertEquals(expected.length, sink.declared);
                    for (int chunk : sink.chunkSizes) {
                        assertTrue(chunk <= bufferSize, "a chunk is at most one pool buffer");
                    }
                    assertEquals(m, decoder.decode(sink.bytes.toByteArray()).root());
                }
            }
            assertEquals(0, pool.outstanding(), "every lease went back");
        }
    }

    @Test
    void aStreamLargerThanABufferArrivesInOneChunkPerBuffer() throws IOException {
        Collecting sink = new Collecting();
        new SigmaEncoder(new HeapTestPool(8), EncoderSettings.fullFormOnly()).encode(FORTY_X, sink);
        assertEquals(List.of(8, 8, 8, 8, 8, 8), sink.chunkSizes, "48 bytes in six 8-byte buffers");
    }

    @Test
    void aSinkThatFailsLeavesTheEncoderAsItWasAndReleasesEveryLease() throws IOException {
        RandomTrees trees = new RandomTrees(7);
        SemanticNode first = trees.tree(30);
        SemanticNode second = trees.mutate(first);
        HeapTestPool pool = new HeapTestPool(8);
        SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.defaults());
        encoder.encode(SemanticTree.of(first), new Collecting());
        long windowLeases = pool.outstanding();
        IOException disk = new IOException("disk full");
        assertSame(disk, assertThrows(IOException.class, () -> encoder.encode(SemanticTree.of(second), s -> {
            throw disk;
        })));
        assertEquals(windowLeases, pool.outstanding(), "what was leased for the failed message went back");
        assertEquals(1, encoder.stats().messages(), "the failed message left no trace");

        // The next stream is the one an encoder that never saw the failure sends as its second message.
        SigmaEncoder reference = new SigmaEncoder(new HeapTestPool(4096), EncoderSettings.defaults());
        reference.encode(SemanticTree.of(first));
        Collecting retried = new Collecting();
        encoder.encode(SemanticTree.of(second), retried);
        assertArrayEquals(reference.encode(SemanticTree.of(second)), retried.bytes.toByteArray());
    }

    @Test
    void aClosedEncoderEncodesNothingMore() {
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(64), EncoderSettings.defaults());
        encoder.close();
        encoder.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> encoder.encode(FORTY_X));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
