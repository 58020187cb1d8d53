package io.sigmalang.domain.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.sigmalang.domain.codec.EncodedStream;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolExhaustedException;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch use case over the domain's own ports, with a test parser and test pools. */
class BatchEncoderTest {
    private static final String[] WORDS = {"sort", "a", "list", "in", "python", "hi", "there", "thanks", "fix",
        "the", "bug", "please", "é", "日本語", "🙂", "merge", "branch", "now"};

    /** Words become leaves of one composite; the word REJECT becomes a valueless 0x0B leaf, which no stream carries. */
    static final TextParser PARSER = text -> {
        List<SemanticNode> leaves = new ArrayList<>();
        for (String w : text.split(" ")) {
            leaves.add(w.equals("REJECT") ? SemanticNode.leaf(0x0B) : SemanticNode.leaf(0x10 + (w.length() % 8), w));
        }
        return SemanticTree.of(SemanticNode.of(0x50, leaves.toArray(SemanticNode[]::new)));
    };

    /** Records every call, checks the port's promises (one call at a time, opened/streams/ended in order). */
    static final class RecordingOutput implements ConversationOutput {
        final Map<Integer, String> ids = new LinkedHashMap<>();
        final Map<Integer, List<byte[]>> streams = new HashMap<>();
        final Map<Integer, ConversationResult> results = new HashMap<>();
        final AtomicBoolean inside = new AtomicBoolean();
        final List<String> violations = new ArrayList<>();

        private void enter() {
            if (!inside.compareAndSet(false, true)) {
                violations.add("two calls at once");
            }
        }

        @Override
        public void opened(int conversation, String id) {
            enter();
            if (ids.put(conversation, id) != null) {
                violations.add("opened twice: " + conversation);
            }
            streams.put(conversation, new ArrayList<>());
            inside.set(false);
        }

        @Override
        public void stream(int conversation, long message, EncodedStream stream) {
            enter();
            List<byte[]> list = streams.get(conversation);
            if (list == null || results.containsKey(conversation)) {
                violations.add("stream outside opened..ended: " + conversation);
            } else if (message != list.size() + 1) {
                violations.add("conversation " + conversation + ": message " + message + " after " + list.size());
            } else {
                ByteBuffer all = ByteBuffer.allocate(stream.size());
                for (int i = 0; i < stream.chunkCount(); i++) {
                    all.put(stream.chunk(i));
                }
                list.add(all.array());
            }
            inside.set(false);
        }

        @Override
        public void ended(int conversation, ConversationResult result) {
            enter();
            if (results.put(conversation, result) != null || !ids.containsKey(conversation)) {
                violations.add("ended without opening, or twice: " + conversation);
            }
            inside.set(false);
        }

        /** The streams of every conversation, by id (ids used once). */
        Map<String, List<byte[]>> byId() {
            Map<String, List<byte[]>> out = new HashMap<>();
            ids.forEach((n, id) -> out.put(id, streams.get(n)));
            return out;
        }
    }

    /** Conversations of texts that repeat and edit earlier ones, so the bank and the delta both play. */
    static Map<String, List<String>> conversations(long seed, int count, int length) {
        Random r = new Random(seed);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int c = 0; c < count; c++) {
            List<String> texts = new ArrayList<>();
            for (int m = 0; m < length; m++) {
                if (!texts.isEmpty() && r.nextInt(3) == 0) {
                    texts.add(texts.get(r.nextInt(texts.size())));
                } else if (!texts.isEmpty() && r.nextBoolean()) {
                    texts.add(texts.get(texts.size() - 1) + " " + WORDS[r.nextInt(WORDS.length)]);
                } else {
                    StringBuilder sb = new StringBuilder(WORDS[r.nextInt(WORDS.length)]);
                    for (int w = r.nextInt(8); w > 0; w--) {
                        sb.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
                    }
                    texts.add(sb.toString());
                }
            }
            out.put("c" + c, texts);
        }
        return out;
    }

    /** A random interleaving that keeps each conversation's order: (id, text) pairs. */
    static List<String[]> interleave(Map<String, List<String>> conversations, long seed) {
        Random r = new Random(seed);
        List<String> ids = new ArrayList<>(conversations.keySet());
        Map<String, Integer> next = new HashMap<>();
        List<String[]> out = new ArrayList<>();
        while (!ids.isEmpty()) {
            String id = ids.get(r.nextInt(ids.size()));
            int i = next.merge(id, 1, Integer::sum) - 1;
            out.add(new String[] {id, conversations.get(id).get(i)});
            if (i + 1 == conversations.get(id).size()) {
                ids.remove(id);
            }
        }
        return out;
    }

    /** Each conversation on its own encoder, in a plain loop: the oracle. */
    static List<byte[]> alone(List<String> texts, EncoderSettings settings) {
        SigmaEncoder encoder = new SigmaEncoder(new HeapTestPool(4096), settings);
        List<byte[]> out = new ArrayList<>();
        for (String t : texts) {
            out.add(encoder.encode(PARSER.parse(t)));
        }
        return out;
    }

    static BatchSummary run(BatchSettings settings, HeapTestPool pool, List<String[]> input, RecordingOutput output)
            throws Exception {
        try (BatchEncoder batch = new BatchEncoder(pool, EncoderSettings.defaults(), PARSER, settings, output)) {
            for (String[] m : input) {
                batch.submit(m[0], m[1]);
            }
            return batch.finish();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 0})
    void everyConversationIsByteIdenticalToALoneEncoderWhateverTheWorkersPoolAndInterleaving(int workers)
            throws Exception {
        Map<String, List<String>> conversations = conversations(workers + 11, 40, 30);
        Map<String, List<byte[]>> expected = new HashMap<>();
        conversations.forEach((id, texts) -> expected.put(id, alone(texts, EncoderSettings.defaults())));
        BatchSettings settings = workers == 0 ? BatchSettings.defaults().withVirtualThreads()
                : BatchSettings.defaults().withWorkers(workers).withMaxQueued(64);
        for (int bufferSize : new int[] {4096, 16}) {
            for (long seed = 1; seed <= 3; seed++) {
                HeapTestPool pool = new HeapTestPool(bufferSize);
                RecordingOutput output = new RecordingOutput();
                BatchSummary summary = run(settings, pool, interleave(conversations, seed * 977 + workers), output);
                assertEquals(List.of(), output.violations);
                assertEquals(40, summary.conversations());
                assertEquals(40 * 30, summary.messages());
                assertEquals(0, summary.failedConversations());
                Map<String, List<byte[]>> got = output.byId();
                for (String id : conversations.keySet()) {
                    List<byte[]> e = expected.get(id);
                    List<byte[]> g = got.get(id);
                    assertEquals(e.size(), g.size(), id);
                    for (int i = 0; i < e.size(); i++) {
                        assertArrayEquals(e.get(i), g.get(i), id + " message " + (i + 1) + ", buffers of "
                                + bufferSize + ", interleaving " + seed);
                    }
                }
                assertEquals(0, pool.outstanding(), "every lease went back");
            }
        }
    }

    @Test
    void aFailingConversationAmongAThousandStopsAloneAndTheOthersFinish() throws Exception {
        Map<String, List<String>> conversations = conversations(5, 1000, 5);
        conversations.put("bad", List.of("hi there", "sort a list", "sort REJECT list", "hi there", "thanks"));
        RecordingOutput output = new RecordingOutput();
        HeapTestPool pool = new HeapTestPool(4096);
        BatchSummary summary = run(BatchSettings.defaults().withWorkers(2), pool, interleave(conversations, 3), output);

        assertEquals(List.of(), output.violations);
        assertEquals(1001, summary.conversations());
        assertEquals(1, summary.failedConversations());
        assertEquals(1000 * 5 + 2, summary.messages());
        assertEquals(2, summary.dropped(), "messages 4 and 5 of the failed conversation");
        ConversationFailure failure = summary.failures().get(0);
        assertEquals("bad", failure.id());
        assertEquals(3, failure.message());
        assertTrue(failure.reason().contains("0x0B"), failure.reason());
        assertEquals(ConversationFailure.Cause.REJECTED, failure.cause());
        assertFalse(failure.toString().contains("\n"));

        Map<String, List<byte[]>> got = output.byId();
        List<byte[]> bad = got.get("bad");
        List<byte[]> badAlone = alone(List.of("hi there", "sort a list"), EncoderSettings.defaults());
        assertEquals(2, bad.size(), "what was written before the failure stays");
        assertArrayEquals(badAlone.get(0), bad.get(0));
        assertArrayEquals(badAlone.get(1), bad.get(1));
        for (String id : conversations.keySet()) {
            if (!id.equals("bad")) {
                assertEquals(5, got.get(id).size(), id);
            }
        }
        long ended = output.results.values().stream().filter(r -> r.failure().isPresent()).count();
        assertEquals(1, ended);
        assertEquals(0, pool.outstanding());
    }

    @Test
    void everyDecodedConversationGivesBackItsTrees() throws Exception {
        Map<String, List<String>> conversations = conversations(9, 20, 25);
        RecordingOutput output = new RecordingOutput();
        run(BatchSettings.defaults().withWorkers(2), new HeapTestPool(64), interleave(conversations, 9), output);
        output.byId().forEach((id, streams) -> {
            SigmaDecoder decoder = new SigmaDecoder(EncoderSettings.defaults());
            List<String> texts = conversations.get(id);
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(PARSER.parse(texts.get(i)), decoder.decode(streams.get(i)), id + " message " + (i + 1));
            }
        });
    }

    @Test
    void aConversationIdleForNMessagesIsEndedAndRestartsUnderANewNumber() throws Exception {
        RecordingOutput output = new RecordingOutput();
        HeapTestPool pool = new HeapTestPool(4096);
        BatchSettings settings = BatchSettings.defaults().withWorkers(1).withIdleAfter(3, Duration.ZERO);
        try (BatchEncoder batch = new BatchEncoder(pool, EncoderSettings.defaults(), PARSER, settings, output)) {
            batch.submit("A", "hi there");
            batch.submit("B", "sort a list");
            batch.submit("B", "sort a list");
            assertEquals(2, batch.liveConversations());
            batch.submit("B", "thanks");
            batch.submit("A", "hi there");
            BatchSummary summary = batch.finish();
            assertEquals(3, summary.conversations());
        }
        assertEquals(Map.of(0, "A", 1, "B", 2, "A"), output.ids);
        assertEquals(1, output.results.get(0).messages());
        // A fresh encoder again: the restarted conversation's first stream is a first message, not a bank reference.
        assertArrayEquals(alone(List.of("hi there"), EncoderSettings.defaults()).get(0), output.streams.get(2).get(0));
    }

    @Test
    void submitWaitsOnceMaxQueuedMessagesArePending() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstStream = new CountDownLatch(1);
        RecordingOutput recording = new RecordingOutput();
        ConversationOutput slow = new ConversationOutput() {
            @Override
            public void opened(int conversation, String id) {
                recording.opened(conversation, id);
            }

            @Override
            public void stream(int conversation, long message, EncodedStream stream) {
                firstStream.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                recording.stream(conversation, message, stream);
            }

            @Override
            public void ended(int conversation, ConversationResult result) {
                recording.ended(conversation, result);
            }
        };
        AtomicInteger submitted = new AtomicInteger();
        BatchSettings settings = BatchSettings.defaults().withWorkers(1).withMaxQueued(4);
        try (BatchEncoder batch = new BatchEncoder(new HeapTestPool(4096), EncoderSettings.defaults(), PARSER,
                settings, slow)) {
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 10; i++) {
                        batch.submit("c", "hi there " + i);
                        submitted.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            firstStream.await();
            // Message 1 is in the output (its permit returned), messages 2..5 hold the 4 permits; 6 must wait.
            Thread.sleep(300);
            assertEquals(5, submitted.get(), "submitted before the queue filled");
            release.countDown();
            producer.join();
            assertEquals(10, batch.finish().messages());
        }
        assertEquals(List.of(), recording.violations);
    }

    @Test
    void closingWithoutFinishingEndsEveryConversationAndReleasesEveryBuffer() throws Exception {
        HeapTestPool pool = new HeapTestPool(16);
        RecordingOutput output = new RecordingOutput();
        BatchEncoder batch = new BatchEncoder(pool, EncoderSettings.defaults(), PARSER,
                BatchSettings.defaults().withWorkers(2), output);
        for (String[] m : interleave(conversations(2, 50, 10), 2)) {
            batch.submit(m[0], m[1]);
        }
        batch.close();
        assertEquals(output.ids.keySet(), output.results.keySet(), "every conversation was ended");
        assertEquals(0, pool.outstanding());
        assertThrows(IllegalStateException.class, () -> batch.submit("x", "hi"));
    }

    @Test
    void anOutputThatThrowsStopsTheBatchAndFinishRethrowsIt() throws Exception {
        IOException full = new IOException("disk full");
        ConversationOutput output = mock(ConversationOutput.class);
        doThrow(full).when(output).stream(anyInt(), anyLong(), any());
        HeapTestPool pool = new HeapTestPool(4096);
        BatchEncoder batch = new BatchEncoder(pool, EncoderSettings.defaults(), PARSER,
                BatchSettings.defaults().withWorkers(2).withMaxQueued(8), output);
        try {
            for (String[] m : interleave(conversations(4, 10, 10), 4)) {
                batch.submit(m[0], m[1]);
            }
        } catch (IOException e) {
            assertSame(full, e.getCause(), "a submit after the failure says why");
        }
        IOException atFinish = assertThrows(IOException.class, batch::finish);
        assertSame(full, atFinish.getCause());
        batch.close();
        assertEquals(0, pool.outstanding(), "every encoder closed, every lease back");
        verify(output, times(1)).stream(anyInt(), anyLong(), any());
        verify(output, never()).ended(anyInt(), any());
    }

    @Test
    void aPoolThatRefusesFailsEachConversationAloneWithItsReason() throws Exception {
        BufferPool pool = mock(BufferPool.class);
        PoolStats stats = new PoolStats("refusing", 0, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        when(pool.stats()).thenReturn(stats);
        when(pool.bufferSize()).thenReturn(64);
        when(pool.acquire()).thenThrow(new PoolExhaustedException("pool 'refusing' is exhausted", stats));
        RecordingOutput output = new RecordingOutput();
        BatchSummary summary;
        try (BatchEncoder batch = new BatchEncoder(pool, EncoderSettings.defaults(), PARSER,
                BatchSettings.defaults().withWorkers(2), output)) {
            for (String[] m : interleave(conversations(6, 5, 3), 6)) {
                batch.submit(m[0], m[1]);
            }
            summary = batch.finish();
        }
        assertEquals(5, summary.failedConversations());
        assertEquals(0, summary.messages());
        assertEquals(5 * 2, summary.dropped());
        for (ConversationFailure f : summary.failures()) {
            assertEquals(1, f.message());
            assertTrue(f.reason().contains("exhausted"), f.reason());
            assertEquals(ConversationFailure.Cause.POOL_EXHAUSTED, f.cause());
        }
        assertEquals(5, output.results.size(), "each failed conversation was still ended");
    }

    @Test
    void anErrorInOneConversationNeitherHangsTheBatchNorStopsTheOthers() throws Exception {
        TextParser exploding = text -> {
            if (text.equals("BOOM")) {
                throw new OutOfMemoryError("simulated");
            }
            return PARSER.parse(text);
        };
        RecordingOutput output = new RecordingOutput();
        HeapTestPool pool = new HeapTestPool(4096);
        BatchSummary summary;
        try (BatchEncoder batch = new BatchEncoder(pool, EncoderSettings.defaults(), exploding,
                BatchSettings.defaults().withWorkers(2).withMaxQueued(2), output)) {
            batch.submit("a", "hi there");
            batch.submit("x", "hi there");
            batch.submit("x", "BOOM");
            for (int i = 0; i < 50; i++) {
                batch.submit("x", "thanks");  // dropped, and never waits on a queue nobody drains
                batch.submit("a", "thanks " + i);
            }
            summary = batch.finish();
        }
        assertEquals(1, summary.failedConversations());
        ConversationFailure f = summary.failures().get(0);
        assertEquals("x", f.id());
        assertEquals(2, f.message());
        assertEquals(ConversationFailure.Cause.OUT_OF_MEMORY, f.cause(), "an OutOfMemoryError is named as such");
        assertTrue(f.reason().contains("simulated"), f.reason());
        assertEquals(51 + 1, summary.messages(), "a's 51 and x's first");
        assertEquals(50, summary.dropped());
        assertEquals(List.of(), output.violations);
        assertEquals(2, output.results.size(), "the abandoned conversation was still ended");
        assertEquals(0, pool.outstanding());
    }
}
