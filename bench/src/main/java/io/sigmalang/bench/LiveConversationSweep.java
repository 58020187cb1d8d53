package io.sigmalang.bench;

import io.sigmalang.domain.codec.DecoderLimits;
import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.domain.pool.spi.CommonKnobs;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live-conversation sweep: N conversations open at once on one shared pool, each an encoder with the default
 * settings (its context window leased from the pool while it is open), for every pool strategy asked.
 *
 * <p>One row per (pool, N), each on a fresh pool with the strategy's defaults (fixed and offheap: 32 buffers;
 * adaptive: 16 to 128, the reference's comparison) and 4,096-byte buffers. The traffic: N conversations open in
 * a burst; then {@code --messages} rounds in which every live conversation not idle this round sends one message
 * (round-robin, interleaved; a quarter of the conversations are idle in any round); every fifth round the tenth of
 * the conversations that have been open longest are closed, as idle ones, and as many new ones are opened at once,
 * a burst; so N stay open throughout. Message k of a conversation is corpus message {@code (c * 7919 + k) mod
 * size}, parsed afresh, as in real traffic. At the end, all N open: the used heap after a full GC minus the heap
 * used before the pool was made, ÷ N (the pool's heap buffers included; the offheap pool's are outside the heap, so
 * its retained bytes are the window memory the heap column leaves out); the bytes the encode calls
 * allocated per message (thread allocation counter around each call, parsing excluded); and the pool's retained
 * and peak retained bytes, overflow rate, resizes and peak outstanding leases. Then every conversation is closed
 * and the pool must have no lease out.
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp bench/target/benchmarks.jar io.sigmalang.bench.LiveConversationSweep
 *     [--pools fixed,adaptive,offheap] [--conversations 10,100,1000,10000] [--messages 20] [--corpus FILE]
 *     [--json FILE]
 * </pre>
 * {@code --day}: one pool per strategy through the counts up and back down, a row per phase (see {@link #day}).
 * {@code --pool NAME} (one pool) and a comma-separated {@code --messages} are accepted too. {@code --steady}: every
 * conversation sends a message every round and none is closed (so each has sent exactly {@code --messages}).
 */
public final class LiveConversationSweep {
    private static final int CHURN_EVERY = 5;
    private static final int CHURN_DIVISOR = 10;
    private static final int IDLE_EVERY = 4;

    private LiveConversationSweep() {
    }

    /** One row of the sweep. */
    record Row(String pool, int conversations, int messagesEach, long messages, double heapPerConversation,
            double allocatedPerMessage, long retainedBytes, long peakRetainedBytes,
            double overflowRate, long overflows, long resizes, long peakOutstanding, long outstandingOpen,
            long outstandingAfterClose, int capacity) {
    }

    public static void main(String[] args) {
        List<String> pools = List.of("fixed", "adaptive", "offheap");
        List<Integer> counts = List.of(10, 100, 1_000, 10_000);
        List<Integer> lengths = List.of(20);
        String corpus = "";
        String json = "";
        boolean steady = false;
        boolean decoders = false;
        boolean warmup = true;
        boolean day = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pool", "--pools" -> pools = List.of(args[++i].split(","));
                case "--conversations" -> counts = ints(args[++i]);
                case "--messages" -> lengths = ints(args[++i]);
                case "--corpus" -> corpus = args[++i];
                case "--json" -> json = args[++i];
                case "--steady" -> steady = true;
                case "--decoders" -> decoders = true;
                case "--no-warmup" -> warmup = false;
                case "--day" -> day = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (expected --pools,"
                        + " --conversations, --messages, --corpus, --json, --steady, --decoders, --no-warmup, --day)");
            }
        }
        List<String> texts = (corpus.isEmpty() ? Corpus.shipped() : Corpus.fromFile(Path.of(corpus))).messages();
        if (decoders) {
            decoderRows(pools, texts, counts, lengths);
            return;
        }
        if (day) {
            for (String pool : pools) {
                day(pool, texts, counts, lengths.get(0));
            }
            return;
        }
        System.out.printf(Locale.ROOT, "corpus: %d messages; pools %s; buffers of %d bytes; max heap %d MiB; %s%n",
                texts.size(), pools, BenchmarkConfig.BUFFER_SIZE, Runtime.getRuntime().maxMemory() >> 20,
                steady ? "steady: every conversation sends every round, none closed"
                        : "a quarter idle each round, a tenth closed and replaced every 5 rounds");
        if (warmup) {
            // One small row per pool first, discarded: the first rows would otherwise pay for class loading and JIT.
            for (String pool : pools) {
                row(pool, texts, 200, 10, steady);
            }
        }
        System.out.println("| pool | live conversations | messages | heap per live conversation"
                + " | B allocated per message | retained (peak) | overflow rate | resizes |"
                + " peak outstanding | outstanding: open / closed |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<Row> rows = new ArrayList<>();
        for (int m : lengths) {
            for (int n : counts) {
                for (String pool : pools) {
                    Row r = row(pool, texts, n, m, steady);
                    rows.add(r);
                    System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,.0f B | %,.0f | %,d (%,d) | %.4f |"
                            + " %,d | %,d | %,d / %,d |%n", r.pool(), r.conversations(), r.messages(),
                            r.heapPerConversation(), r.allocatedPerMessage(),
                            r.retainedBytes(), r.peakRetainedBytes(), r.overflowRate(), r.resizes(),
                            r.peakOutstanding(), r.outstandingOpen(), r.outstandingAfterClose());
                }
            }
        }
        if (!json.isEmpty()) {
            writeJson(Path.of(json), rows);
        }
    }

    static BufferPool defaultPool(String strategy) {
        return PoolCatalog.installed().create(strategy,
                Map.of(CommonKnobs.BUFFER_SIZE.key(), Integer.toString(BenchmarkConfig.BUFFER_SIZE)));
    }

    /**
     * A day on one pool: the live conversations rise through {@code counts} and fall back (10, 100, ..., 10,000,
     * ..., 100, 10), each phase {@code rounds} rounds of the sweep's traffic (idle quarter, a tenth replaced
     * every fifth round); between phases the conversations open longest are closed, or new ones opened, to reach
     * the next count. One row per phase: the pool's retained bytes at its end, the peak so far, the overflow rate
     * and resizes within the phase, the leases out.
     */
    private static void day(String poolName, List<String> texts, List<Integer> counts, int rounds) {
        List<Integer> phases = new ArrayList<>(counts);
        for (int i = counts.size() - 2; i >= 0; i--) {
            phases.add(counts.get(i));
        }
        System.out.println("| pool | phase | live conversations | retained at its end | peak retained so far"
                + " | overflow rate in the phase | resizes in the phase | capacity at its end | outstanding |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        BufferPool pool = defaultPool(poolName);
        ArrayDeque<Encoder> live = new ArrayDeque<>();
        ArrayDeque<int[]> state = new ArrayDeque<>();
        int nextId = 0;
        for (int phase = 0; phase < phases.size(); phase++) {
            int n = phases.get(phase);
            while (live.size() > n) {
                live.removeFirst().close();
                state.removeFirst();
            }
            while (live.size() < n) {
                live.addLast(CodecWiring.encoder(pool, EncoderSettings.defaults()));
                state.addLast(new int[] {nextId++, 0});
            }
            PoolStats start = pool.stats();
            for (int round = 0; round < rounds; round++) {
                Iterator<int[]> s = state.iterator();
                for (Encoder e : live) {
                    int[] c = s.next();
                    if ((c[0] + round) % IDLE_EVERY != 0) {
                        e.encode(CodecWiring.parse(texts.get(Math.floorMod(c[0] * 7919 + c[1], texts.size()))));
                        c[1]++;
                    }
                }
                if (round % CHURN_EVERY == CHURN_EVERY - 1 && round < rounds - 1) {
                    for (int k = 0; k < Math.max(1, n / CHURN_DIVISOR); k++) {
                        live.removeFirst().close();
                        state.removeFirst();
                        live.addLast(CodecWiring.encoder(pool, EncoderSettings.defaults()));
                        state.addLast(new int[] {nextId++, 0});
                    }
                }
            }
            PoolStats end = pool.stats();
            long acquires = end.acquires() - start.acquires();
            System.out.printf(Locale.ROOT, "| %s | %d | %,d | %,d | %,d | %.4f | %,d | %,d | %,d |%n", poolName,
                    phase + 1, n, end.retainedBytes(), end.peakRetainedBytes(),
                    acquires == 0 ? 0.0 : (double) (end.overflowAllocations() - start.overflowAllocations()) / acquires,
                    end.resizes() - start.resizes(), end.capacity(), end.outstanding());
        }
        for (Encoder e : live) {
            e.close();
        }
        if (pool.stats().outstanding() != 0) {
            throw new IllegalStateException(pool.stats().outstanding()
                    + " leases out after every conversation closed");
        }
        pool.close();
    }

    static Row row(String poolName, List<String> texts, int n, int rounds, boolean steady) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = usedAfterGc(memory);
        BufferPool pool = defaultPool(poolName);
        Encoder[] live = new Encoder[n];
        int[] ids = new int[n];
        int[] sent = new int[n];
        int nextId = 0;
        for (int c = 0; c < n; c++) {
            live[c] = CodecWiring.encoder(pool, EncoderSettings.defaults());
            ids[c] = nextId++;
        }
        int oldest = 0;
        long allocated = 0;
        long messages = 0;
        long bytes = 0;
        for (int round = 0; round < rounds; round++) {
            for (int c = 0; c < n; c++) {
                if (!steady && (ids[c] + round) % IDLE_EVERY == 0) {
                    continue;
                }
                SemanticTree tree = CodecWiring.parse(texts.get(Math.floorMod(ids[c] * 7919 + sent[c], texts.size())));
                long at = threads.getCurrentThreadAllocatedBytes();
                bytes += live[c].encode(tree).length;
                allocated += threads.getCurrentThreadAllocatedBytes() - at;
                sent[c]++;
                messages++;
            }
            if (!steady && round % CHURN_EVERY == CHURN_EVERY - 1 && round < rounds - 1) {
                int churn = Math.max(1, n / CHURN_DIVISOR);
                for (int k = 0; k < churn; k++) {
                    live[oldest].close();
                    live[oldest] = CodecWiring.encoder(pool, EncoderSettings.defaults());
                    ids[oldest] = nextId++;
                    sent[oldest] = 0;
                    oldest = (oldest + 1) % n;
                }
            }
        }
        long after = usedAfterGc(memory);
        PoolStats stats = pool.stats();
        if (bytes < 0 || live.length != n) {
            throw new IllegalStateException("unreachable: keeps the encoders live until measured");
        }
        for (Encoder e : live) {
            e.close();
        }
        long outstandingAfterClose = pool.stats().outstanding();
        pool.close();
        return new Row(poolName, n, rounds, messages, (double) (after - before) / n, (double) allocated / messages,
                stats.retainedBytes(), stats.peakRetainedBytes(), stats.overflowRate(), stats.overflowAllocations(),
                stats.resizes(), stats.peakOutstanding(), stats.outstanding(), outstandingAfterClose, stats.capacity());
    }

    /**
     * Heap per live decoder: N conversations, each encoded (default settings) and decoded message by message, the
     * decoders on {@code pool} (window leased) and the encoders on a pool of their own; then, every encoder closed
     * and dropped, all decoders still open, the used heap after a full GC minus the heap before, ÷ N. The pool
     * {@code heap} builds the decoders without a pool ({@code new SigmaDecoder(settings)}, a constructor main has
     * too, so the same class measures main's decoder with main's domain classes first on the class path).
     */
    private static void decoderRows(List<String> pools, List<String> texts, List<Integer> counts,
            List<Integer> lengths) {
        System.out.println("| pool | live decoders | messages each | heap per live decoder |");
        System.out.println("|---|---:|---:|---:|");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int m : lengths) {
            for (int n : counts) {
                for (String poolName : pools) {
                    long before = usedAfterGc(memory);
                    boolean heap = poolName.equals("heap");
                    BufferPool pool = heap ? null : defaultPool(poolName);
                    SigmaDecoder[] decoders = new SigmaDecoder[n];
                    try (BufferPool encoderPool = defaultPool("adaptive")) {
                        Encoder[] encoders = new Encoder[n];
                        for (int c = 0; c < n; c++) {
                            encoders[c] = CodecWiring.encoder(encoderPool, EncoderSettings.defaults());
                            decoders[c] = heap ? new SigmaDecoder(EncoderSettings.defaults())
                                    : new SigmaDecoder(EncoderSettings.defaults(), DecoderLimits.defaults(), pool);
                        }
                        for (int k = 0; k < m; k++) {
                            for (int c = 0; c < n; c++) {
                                SemanticTree tree =
                                        CodecWiring.parse(texts.get(Math.floorMod(c * 7919 + k, texts.size())));
                                if (!decoders[c].decode(encoders[c].encode(tree)).equals(tree)) {
                                    throw new IllegalStateException("conversation " + c + " message " + k
                                            + " decoded differently");
                                }
                            }
                        }
                        for (Encoder e : encoders) {
                            e.close();
                        }
                    }
                    long after = usedAfterGc(memory);
                    System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,.0f B |%n", poolName, n, m,
                            (double) (after - before) / n);
                    for (SigmaDecoder d : decoders) {
                        d.close();
                    }
                    if (pool != null) {
                        pool.close();
                    }
                }
            }
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void writeJson(Path file, List<Row> rows) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.append(String.format(Locale.ROOT, "  {\"pool\": \"%s\", \"conversations\": %d, \"rounds\": %d,"
                    + " \"messages\": %d, \"heapPerConversation\": %.1f,"
                    + " \"allocatedPerMessage\": %.1f, \"retainedBytes\": %d, \"peakRetainedBytes\": %d,"
                    + " \"overflowRate\": %.6f, \"overflows\": %d, \"resizes\": %d, \"peakOutstanding\": %d,"
                    + " \"outstandingOpen\": %d, \"outstandingAfterClose\": %d, \"capacity\": %d}%s%n",
                    r.pool(), r.conversations(), r.messagesEach(), r.messages(), r.heapPerConversation(),
                    r.allocatedPerMessage(), r.retainedBytes(), r.peakRetainedBytes(),
                    r.overflowRate(), r.overflows(), r.resizes(), r.peakOutstanding(), r.outstandingOpen(),
                    r.outstandingAfterClose(), r.capacity(), i == rows.size() - 1 ? "" : ","));
        }
        out.append("]\n");
        try {
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.strip()));
        }
        return out;
    }
}
