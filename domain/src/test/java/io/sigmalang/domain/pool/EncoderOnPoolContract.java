package io.sigmalang.domain.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.testing.RandomTrees;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pool decides where the encoder stages its bytes, never what they are: the streams written through a
 * pool strategy are byte for byte those written through {@link HeapTestPool}, the simplest honest pool (a
 * new array per lease). Each pool module extends this with its own pool.
 */
public abstract class EncoderOnPoolContract {

    /** A new pool of the strategy under test, honouring every field of {@code settings}. */
    protected abstract BufferPool newPool(PoolSettings settings);

    /** A conversation that brings back earlier messages and edits them, so the bank and deltas are used. */
    private static List<SemanticNode> conversation(long seed, int length) {
        RandomTrees trees = new RandomTrees(seed);
        Random random = trees.random();
        List<SemanticNode> messages = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            SemanticNode earlier = messages.isEmpty() ? null : messages.get(random.nextInt(messages.size()));
            messages.add(switch (messages.isEmpty() ? 0 : random.nextInt(3)) {
                case 0 -> trees.tree(60);
                case 1 -> earlier;
                default -> trees.mutate(earlier);
            });
        }
        return messages;
    }

    private static List<byte[]> encodeAll(BufferPool pool, List<SemanticNode> messages) {
        List<byte[]> streams = new ArrayList<>();
        // Closed at the end: an open encoder holds its context window's buffers.
        try (SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.defaults())) {
            for (SemanticNode message : messages) {
                streams.add(encoder.encode(SemanticTree.of(message)));
            }
        }
        return streams;
    }

    @ParameterizedTest(name = "buffers of {0} bytes")
    @ValueSource(ints = {16, 64, 4096})
    void streamsAreByteIdenticalToTheReferencePools(int bufferSize) {
        List<SemanticNode> messages = conversation(bufferSize, 80);
        List<byte[]> reference = encodeAll(new HeapTestPool(bufferSize), messages);
        try (BufferPool pool = newPool(PoolSettings.defaults().withCapacity(4).withBufferSize(bufferSize))) {
            List<byte[]> streams = encodeAll(pool, messages);
            for (int i = 0; i < messages.size(); i++) {
                assertArrayEquals(reference.get(i), streams.get(i), "message " + i);
            }
            PoolStats stats = pool.stats();
            assertEquals(0, stats.outstanding(), "every lease released");
            assertEquals(stats.acquires(), stats.releases());

            SigmaDecoder decoder = new SigmaDecoder(EncoderSettings.defaults());
            for (int i = 0; i < messages.size(); i++) {
                assertEquals(messages.get(i), decoder.decode(streams.get(i)).root(), "message " + i);
            }
        }
    }

    @ParameterizedTest(name = "direct destination: {0}")
    @ValueSource(booleans = {false, true})
    void encodingIntoAByteBufferWritesTheSameBytes(boolean direct) {
        List<SemanticNode> messages = conversation(7, 40);
        List<byte[]> reference = encodeAll(new HeapTestPool(32), messages);
        try (BufferPool pool = newPool(PoolSettings.defaults().withCapacity(2).withBufferSize(32))) {
            SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.defaults());
            ByteBuffer out = direct ? ByteBuffer.allocateDirect(1 << 16) : ByteBuffer.allocate(1 << 16);
            for (int i = 0; i < messages.size(); i++) {
                out.clear();
                int written = encoder.encode(SemanticTree.of(messages.get(i)), out);
                byte[] stream = new byte[written];
                out.flip().get(stream);
                assertArrayEquals(reference.get(i), stream, "message " + i);
            }
            encoder.close();
            assertEquals(0, pool.stats().outstanding());
        }
    }

    @ParameterizedTest(name = "{0} encoders at once")
    @ValueSource(ints = {4})
    void encodersSharingOnePoolAcrossThreadsStillWriteTheReferenceStreams(int encoders) throws Exception {
        try (BufferPool pool = newPool(PoolSettings.defaults().withCapacity(3).withBufferSize(24));
                ExecutorService threads = Executors.newFixedThreadPool(encoders)) {
            List<Future<String>> results = new ArrayList<>();
            for (int e = 0; e < encoders; e++) {
                long seed = 100 + e;
                results.add(threads.submit(() -> {
                    List<SemanticNode> messages = conversation(seed, 150);
                    List<byte[]> reference = encodeAll(new HeapTestPool(24), messages);
                    List<byte[]> streams = encodeAll(pool, messages);
                    for (int i = 0; i < messages.size(); i++) {
                        if (!Arrays.equals(reference.get(i), streams.get(i))) {
                            return "seed " + seed + ", message " + i + " differs";
                        }
                    }
                    return "ok";
                }));
            }
            for (Future<String> result : results) {
                assertEquals("ok", result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(0, pool.stats().outstanding());
        }
    }
}
