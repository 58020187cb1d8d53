package io.sigmalang.launcher.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import io.sigmalang.adapters.container.ContainerWriter;
import io.sigmalang.adapters.json.EncoderStatsJson;
import io.sigmalang.domain.batch.BatchEncoder;
import io.sigmalang.domain.batch.BatchSettings;
import io.sigmalang.domain.batch.BatchSummary;
import io.sigmalang.domain.batch.ConversationFailure;
import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.EncoderStats;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.PathStats;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolExhaustedException;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.launcher.config.SigmalangConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code encode}: text lines, one message each, into a container of ΣLANG streams. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Encode a conversation: each line of text is one message, parsed into a semantic tree and"
                + " encoded (Σ-bank references and context deltas against earlier messages where smaller).",
                "Writes a sigmalang container and prints a summary on stderr."})
final class EncodeCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE|-",
            description = "UTF-8 text, one message per line (default: standard input).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "-",
            description = "Where to write the container (default: standard output). A file takes this name only"
                    + " once the whole input is encoded; a failed run leaves no partial file.")
    String output;

    @Option(names = "--stats-json", paramLabel = "FILE", description = "Also write the full statistics as JSON.")
    Path statsJson;

    @Option(names = "--jmx", description = "Publish the encoder's statistics as the JMX MXBean"
            + " io.sigmalang:type=Encoder,name=encode-N while the command runs (off by default, so that a run"
            + " that is not watched does not start the platform MBean server).")
    boolean jmx;

    @Mixin
    ConfigOptions config;

    private final List<Module> strategies;

    EncodeCommand(Terminal terminal, List<Module> strategies) {
        super(terminal);
        this.strategies = strategies;
    }

    @Override
    int run() throws IOException {
        Injector injector = Launch.injector(config, terminal, strategies);
        long size = input.equals("-") ? -1 : sizeOf(Path.of(input));
        String stats = statsJson == null ? null : statsJson.toString();
        refuseOutputOverInput(output, "output", input);
        refuseOutputOverInput(stats, "--stats-json", input, output);
        BufferPool pool = injector.getInstance(BufferPool.class);
        try {
            TextParser parser = injector.getInstance(TextParser.class);
            EncoderSettings settings = injector.getInstance(EncoderSettings.class);
            String id = input.equals("-") ? "-" : String.valueOf(Path.of(input).getFileName());
            BatchSummary summary;
            ContainerWriter container;
            // One conversation on one worker: the batch use case, so that encode and encode-batch share one path.
            BatchSettings one = BatchSettings.defaults().withWorkers(1).withMaxQueued(1024);
            try (CountingInputStream in = new CountingInputStream(openInput(input));
                    StagedOutput out = openStagedOutput(output);
                    StagedOutput json = stats == null ? null : StagedOutput.file(stats)) {
                container = new ContainerWriter(out.stream(), settings, false);
                try (BatchEncoder batch = new BatchEncoder(pool, () -> injector.getInstance(Encoder.class), parser,
                        one, container);
                        JmxRegistration published = jmx ? new JmxRegistration("encode", batch::stats) : null) {
                    if (published != null) {
                        Logging.debug(EncodeCommand.class, () -> "encoder statistics published on JMX as "
                                + published.name());
                    }
                    Utf8Lines lines = new Utf8Lines(in, input);
                    ProgressBar progress = ProgressBar.wanted(terminal.interactive(), size)
                            ? new ProgressBar(terminal.err(), size) : null;
                    for (String line = lines.next(); line != null; line = lines.next()) {
                        batch.submit(id, line);
                        if (progress != null) {
                            progress.update(in.count());
                        }
                    }
                    summary = batch.finish();
                    if (progress != null) {
                        progress.finish();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CliException(ExitCodes.SOFTWARE, "interrupted", e);
                }
                if (summary.failedConversations() > 0) {
                    throw failed(summary.failures().get(0), pool, injector.getInstance(SigmalangConfig.class));
                }
                container.finish();
                // Only a complete container, and its complete statistics, take the outputs' names; on any failure
                // above or while finishing either, close() deletes both temporary files.
                out.finish();
                if (json != null) {
                    try {
                        new EncoderStatsJson().write(summary.totals(), json.stream());
                    } catch (IOException e) {
                        throw new CliException(ExitCodes.IO, "cannot write " + stats + ": " + reason(e), e);
                    }
                    json.finish();
                }
                out.commit();
                if (json != null) {
                    json.commit();
                }
            }
            terminal.err().println(summary(summary.totals(), container.bytes()));
            terminal.err().flush();
        } finally {
            pool.close();
        }
        return ExitCodes.OK;
    }

    /** The conversation's failure as the CLI reports it: the line (= message number) and the reason. */
    private CliException failed(ConversationFailure f, BufferPool pool, SigmalangConfig config) {
        String where = input + " line " + f.message();
        return switch (f.cause()) {
            case REJECTED -> new CliException(ExitCodes.DATA, where + ": " + f.reason());
            case POOL_EXHAUSTED -> Launch.poolExhausted(new PoolExhaustedException(f.reason(), pool.stats()), where,
                    config);
            case OUT_OF_MEMORY -> new CliException(ExitCodes.OUT_OF_MEMORY, "out of memory (" + f.reason()
                    + ", Java heap of " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB) at " + where
                    + ": give the JVM more with java -Xmx..., or lower the limits of the input it reads");
            case ERROR -> new CliException(ExitCodes.SOFTWARE, where + ": internal error: " + f.reason());
        };
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The summary: messages, bytes in and out, ratio, count per path, pool statistics. */
    static String summary(EncoderStats s, long containerBytes) {
        StringJoiner paths = new StringJoiner(", ");
        for (EncodingPath path : EncodingPath.values()) {
            PathStats p = s.paths().getOrDefault(path, new PathStats(0, 0, 0));
            paths.add(path.name().toLowerCase(Locale.ROOT) + " " + p.count());
        }
        PoolStats p = s.pool();
        return String.format(Locale.ROOT,
                "encoded %,d messages: %,d bytes of text in, %,d stream bytes out (container %,d bytes), ratio %s"
                        + "%n  paths: %s"
                        + "%n  pool %s: %,d acquires, %,d overflows, %,d releases, %,d outstanding, %,d bytes retained"
                        + " (peak %,d), %,d resizes, %,d leaks",
                s.messages(), s.inputBytes(), s.outputBytes(), containerBytes,
                Double.isNaN(s.ratio()) ? "n/a" : String.format(Locale.ROOT, "%.3f", s.ratio()), paths,
                p.pool(), p.acquires(), p.overflowAllocations(), p.releases(), p.outstanding(), p.retainedBytes(),
                p.peakRetainedBytes(), p.resizes(), p.leaks());
    }

}
