package io.sigmalang.launcher.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.sigmalang.adapters.container.ContainerDecoding;
import io.sigmalang.adapters.container.ContainerIndex;
import io.sigmalang.adapters.container.ContainerReader;
import io.sigmalang.adapters.container.ContainerRecord;
import io.sigmalang.adapters.container.MalformedContainerException;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.domain.codec.Decoder;
import io.sigmalang.domain.codec.DecoderLimitException;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.tree.SemanticTree;
import io.sigmalang.launcher.config.ConfigLoader;
import io.sigmalang.launcher.config.SigmalangConfig;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code decode}: a container into JSON Lines, one tree per message. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode a sigmalang container into JSON Lines: one tree JSON per message, in order, with"
                + " Σ-bank references and context deltas resolved from the earlier messages, within the decoder.*"
                + " limits.",
                "A container from encode-batch gives one {\"conversation\", \"message\", \"tree\"} object per"
                + " message, in file order; --conversation ID reads one conversation through the index.",
                "On a corrupt message, the error names the message and offset; on standard output the trees before"
                        + " it were written, a file output is not created."})
final class DecodeCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE|-",
            description = "A container written by encode or encode-batch (default: standard input).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "-",
            description = "Where to write the JSON Lines (default: standard output). A file takes this name only"
                    + " once every message is decoded.")
    String output;

    @Option(names = "--conversation", paramLabel = "ID",
            description = "Decode only this conversation, found through the container's index without reading the"
                    + " others (needs a file, not standard input; a container version 2).")
    String conversation;

    @Mixin
    ConfigOptions config;

    /** The run's configuration: the decoder's limits come from it. */
    private SigmalangConfig settings;

    DecodeCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run() throws IOException {
        settings = new ConfigLoader().load(config.sources(terminal));
        refuseOutputOverInput(output, "output", input);
        if (conversation != null) {
            return runOne();
        }
        TreeJson json = new TreeJson();
        try (InputStream in = new BufferedInputStream(openInput(input), 1 << 16);
                StagedOutput staged = openStagedOutput(output)) {
            OutputStream out = staged.stream();
            ContainerReader container;
            try {
                container = new ContainerReader(in);
            } catch (MalformedContainerException e) {
                throw new CliException(ExitCodes.DATA, input + ": " + e.getMessage());
            }
            if (!container.header().detectsTruncation()) {
                terminal.err().println("decode: " + input + " is a version 1 container: a file cut at a record"
                        + " boundary cannot be told from a whole one");
                terminal.err().flush();
            }
            boolean labelled = container.header().batch();
            ContainerDecoding decoding = new ContainerDecoding(container, this::decoder);
            while (true) {
                ContainerDecoding.Decoded d;
                try {
                    d = decoding.next(this::noteFailure);
                } catch (MalformedContainerException e) {
                    out.flush();
                    throw new CliException(ExitCodes.DATA, input + ": " + e.getMessage()
                            + (e.getCause() instanceof DecoderLimitException limit
                                    ? " " + DecoderLimitKeys.hint(limit, settings) : ""));
                } catch (DecoderLimitException e) {
                    out.flush();
                    throw new CliException(ExitCodes.DATA, input + ": container header: "
                            + DecoderLimitKeys.explain(e, settings));
                }
                if (d == null) {
                    break;
                }
                if (labelled) {
                    out.write(("{\"conversation\":\"" + quote(d.id()) + "\",\"message\":" + d.message()
                            + ",\"tree\":").getBytes(StandardCharsets.UTF_8));
                    json.write(d.tree().root(), out);
                    out.write('}');
                } else {
                    json.write(d.tree().root(), out);
                }
                out.write('\n');
            }
            staged.commit();
        }
        return ExitCodes.OK;
    }

    /** A decoder for one conversation, with the configured limits. */
    private Decoder decoder(EncoderSettings conversationSettings) {
        return new SigmaDecoder(conversationSettings, settings.decoder());
    }

    private void noteFailure(ContainerRecord.Ended e) {
        terminal.err().println("decode: " + input + ": " + e.failure().orElseThrow() + " (the conversation stopped"
                + " there when it was encoded)");
        terminal.err().flush();
    }

    /** --conversation: through the index, every part of that id in order, each with a fresh decoder. */
    private int runOne() throws IOException {
        if (input.equals("-")) {
            throw new CliException(ExitCodes.USAGE, "--conversation needs a container file (the index is read from"
                    + " its end), not standard input");
        }
        TreeJson json = new TreeJson();
        try (SeekableByteChannel file = Files.newByteChannel(Path.of(input));
                StagedOutput staged = openStagedOutput(output)) {
            OutputStream out = staged.stream();
            ContainerIndex index;
            try {
                index = ContainerIndex.read(file);
            } catch (MalformedContainerException e) {
                throw new CliException(ExitCodes.DATA, input + ": " + e.getMessage());
            }
            List<ContainerIndex.Entry> parts = index.find(conversation);
            if (parts.isEmpty()) {
                List<ContainerIndex.Entry> all = index.conversations();
                String some = all.stream().limit(5).map(e -> "\"" + e.id() + "\"").collect(Collectors.joining(", "));
                throw new CliException(ExitCodes.USAGE, input + " holds no conversation \"" + conversation + "\" ("
                        + all.size() + " conversations" + (all.isEmpty() ? "" : ": " + some
                        + (all.size() > 5 ? ", …" : "")) + ")");
            }
            for (ContainerIndex.Entry part : parts) {
                try (Decoder decoder = decoder(index.header().settings())) {
                    for (ContainerIndex.Located s : index.streams(part)) {
                        SemanticTree tree;
                        try {
                            tree = decoder.decode(index.read(s));
                        } catch (DecoderLimitException e) {
                            out.flush();
                            throw new CliException(ExitCodes.DATA, input + ": conversation \"" + conversation
                                    + "\" message " + s.message() + " at container byte " + s.offset() + ": "
                                    + DecoderLimitKeys.explain(e, settings));
                        } catch (MalformedStreamException e) {
                            out.flush();
                            throw new CliException(ExitCodes.DATA, input + ": conversation \"" + conversation
                                    + "\" message " + s.message() + " at container byte " + (s.offset() + e.offset())
                                    + ": " + e.problem() + " (stream byte " + e.offset() + ")");
                        }
                        json.write(tree.root(), out);
                        out.write('\n');
                    }
                } catch (MalformedContainerException e) {
                    out.flush();
                    throw new CliException(ExitCodes.DATA, input + ": " + e.getMessage());
                } catch (DecoderLimitException e) {
                    out.flush();
                    throw new CliException(ExitCodes.DATA, input + ": container header: "
                            + DecoderLimitKeys.explain(e, settings));
                }
                part.failure().ifPresent(f -> {
                    terminal.err().println("decode: " + input + ": " + f + " (the conversation stopped there when it"
                            + " was encoded)");
                    terminal.err().flush();
                });
            }
            staged.commit();
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.IO, "cannot read " + input + ": no such file");
        }
        return ExitCodes.OK;
    }

    private static String quote(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }
}
