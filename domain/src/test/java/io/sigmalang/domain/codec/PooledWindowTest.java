package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolExhaustedException;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.domain.testing.RandomTrees;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The context window lives in buffers leased from the conversation's pool while the conversation is open. The
 * counts checked here are kept by {@link CountingPool}, this test's own pool, never by the code under test.
 */
class PooledWindowTest {

    /**
     * A pool that allocates a new heap buffer per lease and counts leases itself; it remembers which buffers are
     * out and refuses to lease while {@link #refusing} is set, as a bounded fail-fast pool does.
     */
    static final class CountingPool implements BufferPool {
        private final int bufferSize;
        final Set<ByteBuffer> out = Collections.newSetFromMap(new IdentityHashMap<>());
        long acquires;
        long releases;
        boolean refusing;

        CountingPool(int bufferSize) {
            this.bufferSize = bufferSize;
        }

        @Override
        public BufferLease acquire() {
            if (refusing) {
                throw new PoolExhaustedException("pool 'counting' refuses", stats());
            }
            acquires++;
            ByteBuffer buffer = ByteBuffer.allocate(bufferSize);
            out.add(buffer);
            return new BufferLease() {
                private boolean released;

                @Override
                public ByteBuffer buffer() {
                    if (released) {
                        throw new IllegalStateException("used after release");
                    }
                    return buffer;
                }

                @Override
                public void close() {
                    if (released) {
                        throw new IllegalStateException("released twice");
                    }
                    released = true;
                    releases++;
                    out.remove(buffer);
                }
            };
        }

        long outstanding() {
            return acquires - releases;
        }

        @Override
        public int bufferSize() {
            return bufferSize;
        }

        @Override
        public PoolStats stats() {
            return new PoolStats("counting", 0, bufferSize, 0, acquires - releases, 0, acquires, releases, 0, 0, 0, 0,
                    0);
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void close() {
        }
    }

    private static SemanticTree small(int i) {
        return SemanticTree.of(SemanticNode.leaf(0x10, "m" + i));
    }

    @Test
    void outstandingLeasesFollowTheLiveEncoders() {
        // Each message's full form is one leaf glyph of a few bytes, its frame that plus the 6 bytes of header
        // and CRC: the four frames of a window take well under 100 bytes, so one 4096-byte buffer holds a whole
        // window and every open encoder that has encoded a message holds exactly one lease.
        CountingPool pool = new CountingPool(4096);
        List<SigmaEncoder> open = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.defaults());
            assertEquals(open.size(), pool.outstanding(), "an encoder that has encoded nothing holds no buffer");
            for (int m = 0; m < 6; m++) {
                encoder.encode(small(c * 10 + m));
            }
            open.add(encoder);
            assertEquals(open.size(), pool.outstanding());
        }
        for (int c = open.size() - 1; c >= 0; c -= 2) {
            open.remove(c).close();
        }
        assertEquals(20, pool.outstanding());
        for (SigmaEncoder encoder : open) {
            encoder.encode(small(7));
        }
        assertEquals(20, pool.outstanding(), "more traffic on live conversations leases nothing more");
        open.forEach(SigmaEncoder::close);
        open.get(0).close();
        assertEquals(0, pool.outstanding(), "closing every conversation returns every lease");
    }

    @Test
    void outstandingLeasesFollowTheLiveDecoders() {
        CountingPool pool = new CountingPool(4096);
        List<byte[]> streams = new ArrayList<>();
        try (SigmaEncoder encoder = new SigmaEncoder(new CountingPool(4096))) {
            for (int m = 0; m < 6; m++) {
                streams.add(encoder.encode(small(m)));
            }
        }
        List<SigmaDecoder> open = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            SigmaDecoder decoder = new SigmaDecoder(EncoderSettings.defaults(), DecoderLimits.defaults(), pool);
            for (int m = 0; m < streams.size(); m++) {
                assertEquals(small(m), decoder.decode(streams.get(m)));
            }
            open.add(decoder);
            assertEquals(open.size(), pool.outstanding());
        }
        open.forEach(SigmaDecoder::close);
        assertEquals(0, pool.outstanding());
        assertThrows(IllegalStateException.class, () -> open.get(0).decode(streams.get(0)));
    }

    /** A conversation of messages whose full forms are tens of bytes, revisiting and editing earlier ones. */
    private static List<SemanticNode> conversation(long seed, int length) {
        RandomTrees trees = new RandomTrees(seed);
        List<SemanticNode> messages = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int kind = messages.isEmpty() ? 0 : trees.random().nextInt(3);
            SemanticNode earlier = messages.isEmpty() ? null : messages.get(trees.random().nextInt(messages.size()));
            messages.add(switch (kind) {
                case 0 -> trees.tree(30);
                case 1 -> earlier;
                default -> trees.mutate(earlier);
            });
        }
        return messages;
    }

    @ParameterizedTest(name = "buffers of {0} bytes")
    @ValueSource(ints = {7, 16, 64})
    void aWindowLargerThanOneBufferChainsLeasesAndGivesThemBackAsFramesLeave(int bufferSize) {
        List<SemanticNode> messages = conversation(bufferSize, 200);
        CountingPool pool = new CountingPool(bufferSize);
        CountingPool decoderPool = new CountingPool(bufferSize);
        int depth = EncoderSettings.DEFAULT_CONTEXT_DEPTH;
        List<Integer> frameBytes = new ArrayList<>();
        int maxLeases = 0;
        try (SigmaEncoder reference = new SigmaEncoder(new CountingPool(1 << 16));
                SigmaEncoder fullForms = new SigmaEncoder(new CountingPool(1 << 16), EncoderSettings.fullFormOnly());
                SigmaEncoder encoder = new SigmaEncoder(pool);
                SigmaDecoder decoder = new SigmaDecoder(EncoderSettings.defaults(), DecoderLimits.defaults(),
                        decoderPool)) {
            for (SemanticNode m : messages) {
                byte[] stream = encoder.encode(SemanticTree.of(m));
                assertArrayEquals(reference.encode(SemanticTree.of(m)), stream, "the window's buffers change no byte");
                assertEquals(m, decoder.decode(stream).root());
                // The encoder's frame of a message is its full-form stream (glyphs, header and CRC), whose size a
                // full-form-only encoder gives; the window holds the last `depth` frames, packed, so it spans
                // between ceil(W / size) and ceil(W / size) + 1 buffers.
                frameBytes.add(fullForms.encode(SemanticTree.of(m)).length);
                long window = frameBytes.subList(Math.max(0, frameBytes.size() - depth), frameBytes.size()).stream()
                        .mapToLong(Integer::longValue).sum();
                long least = (window + bufferSize - 1) / bufferSize;
                assertTrue(pool.outstanding() >= least && pool.outstanding() <= least + 1, "window of " + window
                        + " bytes in " + pool.outstanding() + " buffers of " + bufferSize);
                maxLeases = (int) Math.max(maxLeases, pool.outstanding());
            }
        }
        assertTrue(pool.acquires > maxLeases, "buffers went back as frames left and were leased again");
        assertEquals(0, pool.outstanding());
        assertEquals(0, decoderPool.outstanding());
    }

    @Test
    void onTheFullPathTheStreamThatGoesOutIsTheWindowFrameItself() throws Exception {
        CountingPool pool = new CountingPool(4096);
        SigmaDecoder decoder = new SigmaDecoder();
        try (SigmaEncoder encoder = new SigmaEncoder(pool)) {
            for (int m = 0; m < 12; m++) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                List<ByteBuffer> chunks = new ArrayList<>();
                encoder.encode(small(m), stream -> {
                    for (int i = 0; i < stream.chunkCount(); i++) {
                        ByteBuffer chunk = stream.chunk(i);
                        chunks.add(chunk);
                        while (chunk.hasRemaining()) {
                            bytes.write(chunk.get());
                        }
                    }
                });
                assertEquals(1, chunks.size());
                assertTrue(pool.out.contains(chunks.get(0)), "the sink reads a buffer the window holds");
                assertEquals(small(m), decoder.decode(ByteBuffer.wrap(bytes.toByteArray())));
            }
            assertEquals(12, encoder.stats().paths().get(EncodingPath.FULL).count(), "every message went full");
            assertEquals(1, pool.acquires, "no buffer was leased to stage a stream: it went out of the window");
        }
    }

    @Test
    void aPoolThatRefusesFailsTheMessageAndLeavesTheEncoderUsable() throws Exception {
        // 32-byte buffers and messages whose frames are longer: every message needs a new buffer for its frame.
        List<SemanticNode> messages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            messages.add(SemanticNode.of(0x01, null, List.of(SemanticNode.leaf(0x10, "message number " + i),
                    SemanticNode.leaf(0x11, "the same tail every time"))));
        }
        CountingPool pool = new CountingPool(32);
        List<byte[]> expected = new ArrayList<>();
        try (SigmaEncoder reference = new SigmaEncoder(new CountingPool(4096))) {
            for (SemanticNode m : messages) {
                expected.add(reference.encode(SemanticTree.of(m)));
            }
        }
        SigmaDecoder decoder = new SigmaDecoder();
        try (SigmaEncoder encoder = new SigmaEncoder(pool)) {
            for (int i = 0; i < messages.size(); i++) {
                SemanticTree tree = SemanticTree.of(messages.get(i));
                if (i % 3 == 1) {
                    long before = pool.outstanding();
                    pool.refusing = true;
                    assertThrows(PoolExhaustedException.class, () -> encoder.encode(tree));
                    assertThrows(PoolExhaustedException.class, () -> encoder.encode(tree, ByteBuffer.allocate(512)));
                    assertThrows(PoolExhaustedException.class, () -> encoder.encode(tree, s -> { }));
                    pool.refusing = false;
                    assertEquals(before, pool.outstanding(), "what was leased for the refused message went back");
                    assertEquals(i, encoder.stats().messages(), "the refused message left no trace");
                }
                byte[] stream = encoder.encode(tree);
                assertArrayEquals(expected.get(i), stream, "message " + i + " as if nothing had been refused");
                assertEquals(messages.get(i), decoder.decode(stream).root());
            }
        }
        assertEquals(0, pool.outstanding());
    }

    @Test
    void aPoolThatRefusesFailsTheStreamAndLeavesTheDecoderUnchanged() {
        List<byte[]> streams = new ArrayList<>();
        List<SemanticNode> messages = conversation(99, 60);
        try (SigmaEncoder encoder = new SigmaEncoder(new CountingPool(4096))) {
            for (SemanticNode m : messages) {
                streams.add(encoder.encode(SemanticTree.of(m)));
            }
        }
        CountingPool pool = new CountingPool(16);
        try (SigmaDecoder decoder = new SigmaDecoder(EncoderSettings.defaults(), DecoderLimits.defaults(), pool)) {
            int refused = 0;
            for (int i = 0; i < streams.size(); i++) {
                long before = pool.outstanding();
                pool.refusing = true;
                SemanticTree got;
                try {
                    // Decoded without a lease when its frame fits in the buffers the window holds already.
                    got = decoder.decode(streams.get(i));
                } catch (PoolExhaustedException e) {
                    refused++;
                    pool.refusing = false;
                    assertEquals(before, pool.outstanding());
                    assertEquals(i, decoder.messagesDecoded(), "the refused stream left no trace");
                    got = decoder.decode(streams.get(i));
                }
                pool.refusing = false;
                assertEquals(messages.get(i), got.root(), "message " + i);
            }
            assertTrue(refused > 10, "the 16-byte buffers made most streams need a new one, refused " + refused);
        }
        assertEquals(0, pool.outstanding());
    }

    @Test
    void closingTwiceAndEncodingAfterCloseAreHandled() {
        CountingPool pool = new CountingPool(64);
        SigmaEncoder encoder = new SigmaEncoder(pool);
        encoder.encode(small(1));
        encoder.close();
        encoder.close();
        assertEquals(0, pool.outstanding());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> encoder.encode(small(2)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertEquals(0, pool.outstanding());
    }
}
