package io.sigmalang.launcher.cli;

import io.sigmalang.adapters.container.ContainerReader;
import io.sigmalang.adapters.container.MalformedContainerException;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.domain.codec.Decoder;
import io.sigmalang.domain.codec.DecoderLimitException;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.tree.SemanticTree;
import io.sigmalang.launcher.config.ConfigLoader;
import io.sigmalang.launcher.config.SigmalangConfig;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code decode}: a container into JSON Lines, one tree per message. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode a sigmalang container into JSON Lines: one tree JSON per message, in order, with"
                + " Σ-bank references and context deltas resolved from the earlier messages, within the decoder.*"
                + " limits.",
                "On a corrupt message, the error names the message and offset; on standard output the trees before"
                        + " it were written, a file output is not created."})
final class DecodeCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE|-",
            description = "A container written by encode (default: standard input).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "-",
            description = "Where to write the JSON Lines (default: standard output). A file takes this name only"
                    + " once every message is decoded.")
    String output;

    @Mixin
    ConfigOptions config;

    DecodeCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run() throws IOException {
        SigmalangConfig settings = new ConfigLoader().load(config.sources(terminal));
        refuseOutputOverInput(output, "output", input);
        TreeJson json = new TreeJson();
        try (InputStream in = new BufferedInputStream(openInput(input), 1 << 16);
                StagedOutput staged = openStagedOutput(output)) {
            OutputStream out = staged.stream();
            ContainerReader container;
            Decoder decoder;
            try {
                container = new ContainerReader(in);
                decoder = new SigmaDecoder(container.settings(), settings.decoder());
            } catch (MalformedContainerException e) {
                throw new CliException(ExitCodes.DATA, input + ": " + e.getMessage());
            } catch (DecoderLimitException e) {
                throw new CliException(ExitCodes.DATA, input + ": container header: " + DecoderLimitKeys.explain(e,
                        settings));
            }
            while (true) {
                byte[] stream;
                try {
                    stream = container.next();
                } catch (MalformedContainerException e) {
                    out.flush();
                    throw new CliException(ExitCodes.DATA, input + ": " + e.getMessage());
                }
                if (stream == null) {
                    break;
                }
                SemanticTree tree;
                try {
                    tree = decoder.decode(stream);
                } catch (DecoderLimitException e) {
                    out.flush();
                    throw new CliException(ExitCodes.DATA, input + ": message " + container.messages()
                            + " at container byte " + container.lastStreamOffset() + ": "
                            + DecoderLimitKeys.explain(e, settings));
                } catch (MalformedStreamException e) {
                    out.flush();
                    throw new CliException(ExitCodes.DATA, input + ": message " + container.messages()
                            + " at container byte " + (container.lastStreamOffset() + e.offset()) + ": " + e.problem()
                            + " (stream byte " + e.offset() + ")");
                }
                json.write(tree.root(), out);
                out.write('\n');
            }
            staged.commit();
        }
        return ExitCodes.OK;
    }
}
