package io.sigmalang.bench;

import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.domain.tree.SemanticTree;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Heap per live conversation: N conversations open at once, each an encoder with the default settings on one
 * shared pool, fed M messages each, round-robin (message m of conversation c is corpus message
 * {@code (c * 7919 + m) mod size}, so conversations differ but reuse the corpus). Every message is parsed
 * afresh, as in real traffic, so an encoder that keeps a message's tree really keeps it. Then, with every
 * conversation still open, the used heap after a full GC, minus the heap used before the encoders were made,
 * divided by N. Also the bytes the encode calls allocate per message (parsing excluded; measured by the thread's
 * allocation counter around each call), and the shared pool's figures.
 *
 * <p>Uses only {@link Encoder#encode(SemanticTree)}, which main has too, so the same class runs against
 * main's domain classes for a comparison in one sitting:
 * <pre>
 * java -cp bench/target/benchmarks.jar io.sigmalang.bench.LiveConversationSweep [--pool adaptive]
 *     [--conversations 10,100,1000,10000] [--messages 20,100] [--corpus FILE]
 * </pre>
 */
public final class LiveConversationSweep {
    private LiveConversationSweep() {
    }

    public static void main(String[] args) {
        String pool = "adaptive";
        List<Integer> counts = List.of(10, 100, 1_000, 10_000);
        List<Integer> lengths = List.of(20, 100);
        String corpus = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pool" -> pool = args[++i];
                case "--conversations" -> counts = ints(args[++i]);
                case "--messages" -> lengths = ints(args[++i]);
                case "--corpus" -> corpus = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (expected --pool,"
                        + " --conversations, --messages, --corpus)");
            }
        }
        List<String> texts = (corpus.isEmpty() ? Corpus.shipped() : Corpus.fromFile(Path.of(corpus))).messages();
        System.out.printf(Locale.ROOT, "corpus: %d messages; pool %s; max heap %d MiB%n", texts.size(), pool,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| live conversations | messages each | heap per live conversation | B allocated per message"
                + " | pool retained (peak) | pool overflow rate | pool resizes |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int m : lengths) {
            for (int n : counts) {
                row(pool, texts, n, m);
            }
        }
    }

    private static void row(String poolName, List<String> texts, int n, int m) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        BufferPool pool = PoolStrategy.byLabel(poolName).create(PoolBenchmark.POOL_CAPACITY,
                BenchmarkConfig.BUFFER_SIZE);
        long before = usedAfterGc(memory);
        List<Encoder> encoders = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            encoders.add(CodecWiring.encoder(pool, EncoderSettings.defaults()));
        }
        long allocated = 0;
        long bytes = 0;
        for (int k = 0; k < m; k++) {
            for (int c = 0; c < n; c++) {
                SemanticTree tree = CodecWiring.parse(texts.get(Math.floorMod(c * 7919 + k, texts.size())));
                long at = threads.getCurrentThreadAllocatedBytes();
                bytes += encoders.get(c).encode(tree).length;
                allocated += threads.getCurrentThreadAllocatedBytes() - at;
            }
        }
        long after = usedAfterGc(memory);
        PoolStats stats = pool.stats();
        System.out.printf(Locale.ROOT, "| %,d | %,d | %,.0f B | %,.0f | %,d (%,d) | %.4f | %,d |%n", n, m,
                (double) (after - before) / n, (double) allocated / ((long) n * m), stats.retainedBytes(),
                stats.peakRetainedBytes(), stats.overflowRate(), stats.resizes());
        if (bytes < 0 || encoders.size() != n) {
            throw new IllegalStateException("unreachable: keeps the encoders and streams live until measured");
        }
        pool.close();
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.strip()));
        }
        return out;
    }
}
