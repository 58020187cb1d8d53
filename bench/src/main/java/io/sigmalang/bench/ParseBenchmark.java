package io.sigmalang.bench;

import io.sigmalang.adapters.parser.RegexTextParser;
import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse throughput: one operation parses the next message of the corpus into a tree. The score is messages per
 * second; the auxiliary counter {@code inputBytes} is UTF-8 source bytes per second.
 *
 * <p>{@code parser=singlePass} is {@link RuleBasedTextParser}, the parser the CLI uses; {@code parser=regex} is
 * the regular-expression parser it replaced, kept as the oracle of the differential test (adapters' test-jar).
 * Run both in one invocation and compare the two rows as a ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark extends BenchmarkConfig {

    @Param({"singlePass", "regex"})
    public String parser;

    /** A corpus file; empty for the system property {@value Corpus#PATH_PROPERTY}, else the shipped corpus. */
    @Param({""})
    public String corpus;

    private String[] messages;
    private int[] sourceBytes;
    private TextParser textParser;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Corpus c = Corpus.resolve(corpus);
        List<String> all = c.messages();
        messages = all.toArray(String[]::new);
        sourceBytes = all.stream().mapToInt(m -> m.getBytes(StandardCharsets.UTF_8).length).toArray();
        textParser = switch (parser) {
            case "singlePass" -> new RuleBasedTextParser();
            case "regex" -> new RegexTextParser();
            default -> throw new IllegalArgumentException("unknown parser '" + parser + "' (expected singlePass or regex)");
        };
    }

    @Benchmark
    public SemanticTree parse(Bytes counters) {
        int index = next;
        if (++next == messages.length) {
            next = 0;
        }
        counters.inputBytes += sourceBytes[index];
        return textParser.parse(messages[index]);
    }

    /** Source bytes parsed, reported per second beside the message rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long inputBytes;

        @Setup(Level.Iteration)
        public void reset() {
            inputBytes = 0;
        }
    }
}
