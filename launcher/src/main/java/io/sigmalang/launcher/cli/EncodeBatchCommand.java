package io.sigmalang.launcher.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.sigmalang.adapters.container.ContainerFormat;
import io.sigmalang.adapters.container.ContainerWriter;
import io.sigmalang.adapters.json.BatchJsonLinesException;
import io.sigmalang.adapters.json.BatchJsonLinesReader;
import io.sigmalang.adapters.json.BatchMessage;
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
import io.sigmalang.domain.pool.PoolStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code encode-batch}: many conversations, interleaved, into one multi-conversation container. */
@Command(name = "encode-batch", mixinStandardHelpOptions = true,
        description = {"Encode many conversations at once into one container: JSON Lines of"
                + " {\"conversation\": ID, \"text\": MESSAGE} in any interleaving, or a directory of .txt files (one"
                + " conversation each, one message per line).",
                "Each conversation is encoded in order by its own encoder; conversations run on --threads workers"
                + " sharing one pool. A conversation whose message cannot be encoded stops alone: the others finish,"
                + " the failures are listed and the exit code is 65."})
final class EncodeBatchCommand extends BaseCommand {
    /** Failures listed one per line; the rest are counted. */
    static final int FAILURES_LISTED = 20;

    @Parameters(index = "0", paramLabel = "INPUT|-",
            description = "JSON Lines (a file, or - for standard input) or a directory of .txt files.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
            description = "The container to write (- for standard output). A file takes this name only once every"
                    + " conversation is encoded; a run that fails leaves no partial file.")
    String output;

    @Option(names = "--threads", paramLabel = "N",
            description = "Workers encoding conversations at once (default: the available processors).")
    Integer threads;

    @Option(names = "--virtual-threads", description = "One virtual thread per busy conversation instead of workers.")
    boolean virtualThreads;

    @Option(names = "--idle-after", paramLabel = "N", defaultValue = "0",
            description = "End a conversation that has received no message while N messages of others arrived (0:"
                    + " never). A later message of it starts a new conversation under the same id.")
    long idleAfter;

    @Option(names = "--stats-json", paramLabel = "FILE",
            description = "Also write the batch's figures and the pool's concurrency figures as JSON.")
    Path statsJson;

    @Mixin
    ConfigOptions config;

    private final List<Module> strategies;

    EncodeBatchCommand(Terminal terminal, List<Module> strategies) {
        super(terminal);
        this.strategies = strategies;
    }

    @Override
    int run() throws IOException {
        BatchSettings batchSettings = batchSettings();
        Injector injector = Launch.injector(config, terminal, strategies);
        BufferPool pool = injector.getInstance(BufferPool.class);
        try {
            TextParser parser = injector.getInstance(TextParser.class);
            EncoderSettings settings = injector.getInstance(EncoderSettings.class);
            BatchSummary summary;
            ContainerWriter container;
            try (StagedOutput out = openStagedOutput(output)) {
                container = new ContainerWriter(out.stream(), settings, true);
                try (BatchEncoder batch = new BatchEncoder(pool, () -> injector.getInstance(Encoder.class), parser,
                        batchSettings, container)) {
                    Path path = input.equals("-") ? null : Path.of(input);
                    if (path != null && Files.isDirectory(path)) {
                        readDirectory(path, batch);
                    } else {
                        readJsonLines(batch);
                    }
                    summary = batch.finish();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CliException(ExitCodes.SOFTWARE, "interrupted", e);
                }
                container.finish();
                // Failed conversations are recorded in the container with their reason: the file is whole.
                out.commit();
            }
            terminal.err().println(summary(summary, container.bytes()));
            listFailures(summary);
            terminal.err().flush();
            if (statsJson != null) {
                writeStatsJson(summary, container.bytes());
            }
            return summary.failedConversations() > 0 ? ExitCodes.DATA : ExitCodes.OK;
        } finally {
            pool.close();
        }
    }

    private BatchSettings batchSettings() {
        BatchSettings s = BatchSettings.defaults();
        try {
            if (threads != null) {
                s = s.withWorkers(threads);
            }
            if (virtualThreads) {
                s = s.withVirtualThreads();
            }
            return s.withIdleAfter(idleAfter, Duration.ZERO);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage().replace("workers", "--threads")
                    .replace("idleMessages", "--idle-after"));
        }
    }

    /** JSON Lines of messages, read by the adapters' reader; a bad line stops the run (exit 65, no OUT). */
    private void readJsonLines(BatchEncoder batch) throws IOException, InterruptedException {
        long size = input.equals("-") ? -1 : Files.isRegularFile(Path.of(input)) ? Files.size(Path.of(input)) : -1;
        try (CountingInputStream in = new CountingInputStream(openInput(input))) {
            BatchJsonLinesReader lines = new BatchJsonLinesReader(in, input);
            ProgressBar progress = ProgressBar.wanted(terminal.interactive(), size)
                    ? new ProgressBar(terminal.err(), size) : null;
            try {
                for (BatchMessage m = lines.next(); m != null; m = lines.next()) {
                    batch.submit(m.conversation(), m.text());
                    if (progress != null) {
                        progress.update(in.count());
                    }
                }
            } catch (BatchJsonLinesException e) {
                throw new CliException(ExitCodes.DATA, e.getMessage(), e);
            }
            if (progress != null) {
                progress.finish();
            }
        }
    }

    private static void checkId(String id, String where) {
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ContainerFormat.MAX_ID_BYTES) {
            throw new CliException(ExitCodes.DATA, where + ": a conversation id of " + bytes + " UTF-8 bytes (at most "
                    + ContainerFormat.MAX_ID_BYTES + ")");
        }
    }

    /** A directory: every .txt file, by name, is one conversation (its name without .txt), one message a line. */
    private void readDirectory(Path dir, BatchEncoder batch) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".txt") && Files.isRegularFile(f))
                    .sorted().toList();
        }
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        ProgressBar progress = ProgressBar.wanted(terminal.interactive(), total)
                ? new ProgressBar(terminal.err(), total) : null;
        long done = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            String id = name.substring(0, name.length() - ".txt".length());
            checkId(id, f.toString());
            try (InputStream raw = Files.newInputStream(f); CountingInputStream in = new CountingInputStream(raw)) {
                Utf8Lines lines = new Utf8Lines(in, f.toString());
                for (String line = lines.next(); line != null; line = lines.next()) {
                    batch.submit(id, line);
                    if (progress != null) {
                        progress.update(done + in.count());
                    }
                }
                done += in.count();
            }
            batch.end(id);
        }
        if (progress != null) {
            progress.finish();
        }
    }

    static String summary(BatchSummary b, long containerBytes) {
        EncoderStats s = b.totals();
        StringBuilder paths = new StringBuilder();
        for (EncodingPath path : EncodingPath.values()) {
            PathStats p = s.paths().getOrDefault(path, new PathStats(0, 0, 0));
            paths.append(paths.isEmpty() ? "" : ", ").append(path.name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(p.count());
        }
        PoolStats p = b.pool();
        return String.format(Locale.ROOT,
                "encoded %,d conversations (%,d failed), %,d messages: %,d bytes of text in, %,d stream bytes out"
                        + " (container %,d bytes), ratio %s"
                        + "%n  paths: %s"
                        + "%n  live conversations: peak %,d"
                        + "%n  pool %s: %,d acquires, peak outstanding %,d, overflow rate %.2f %%, %,d resizes,"
                        + " %,d bytes retained (peak %,d), %,d outstanding, %,d leaks",
                b.conversations(), b.failedConversations(), b.messages(), s.inputBytes(), s.outputBytes(),
                containerBytes, Double.isNaN(s.ratio()) ? "n/a" : String.format(Locale.ROOT, "%.3f", s.ratio()),
                paths, b.peakLive(), p.pool(), p.acquires(), p.peakOutstanding(), 100 * p.overflowRate(),
                p.resizes(), p.retainedBytes(), p.peakRetainedBytes(), p.outstanding(), p.leaks());
    }

    private void listFailures(BatchSummary b) {
        List<ConversationFailure> failures = b.failures();
        for (int i = 0; i < Math.min(FAILURES_LISTED, failures.size()); i++) {
            terminal.err().println("  failed: " + failures.get(i));
        }
        if (b.failedConversations() > FAILURES_LISTED) {
            terminal.err().printf(Locale.ROOT, "  … and %,d more failed conversations%n",
                    b.failedConversations() - FAILURES_LISTED);
        }
    }

    private void writeStatsJson(BatchSummary b, long containerBytes) {
        EncoderStats s = b.totals();
        PoolStats p = b.pool();
        try (OutputStream out = Files.newOutputStream(statsJson);
                JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("conversations", b.conversations());
            g.writeNumberField("failedConversations", b.failedConversations());
            g.writeNumberField("messages", b.messages());
            g.writeNumberField("droppedMessages", b.dropped());
            g.writeNumberField("peakLiveConversations", b.peakLive());
            g.writeNumberField("inputBytes", s.inputBytes());
            g.writeNumberField("streamBytes", s.outputBytes());
            g.writeNumberField("containerBytes", containerBytes);
            g.writeObjectFieldStart("paths");
            for (EncodingPath path : EncodingPath.values()) {
                g.writeNumberField(path.name().toLowerCase(Locale.ROOT),
                        s.paths().getOrDefault(path, new PathStats(0, 0, 0)).count());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("pool");
            g.writeStringField("name", p.pool());
            g.writeNumberField("acquires", p.acquires());
            g.writeNumberField("releases", p.releases());
            g.writeNumberField("outstanding", p.outstanding());
            g.writeNumberField("peakOutstanding", p.peakOutstanding());
            g.writeNumberField("overflowAllocations", p.overflowAllocations());
            g.writeNumberField("overflowRate", p.overflowRate());
            g.writeNumberField("resizes", p.resizes());
            g.writeNumberField("retainedBytes", p.retainedBytes());
            g.writeNumberField("peakRetainedBytes", p.peakRetainedBytes());
            g.writeNumberField("leaks", p.leaks());
            g.writeEndObject();
            g.writeArrayFieldStart("failures");
            for (ConversationFailure f : b.failures()) {
                g.writeStartObject();
                g.writeStringField("conversation", f.id());
                g.writeNumberField("message", f.message());
                g.writeStringField("cause", f.cause().name().toLowerCase(Locale.ROOT));
                g.writeStringField("reason", f.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + statsJson + ": " + reason(e), e);
        }
    }
}
