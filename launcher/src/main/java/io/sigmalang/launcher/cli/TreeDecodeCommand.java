package io.sigmalang.launcher.cli;

import io.sigmalang.adapters.container.ContainerFormat;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.tree.SemanticTree;
import io.sigmalang.domain.codec.DecoderLimitException;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.launcher.config.ConfigLoader;
import io.sigmalang.launcher.config.SigmalangConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tree-decode}: raw ΣLANG streams into tree JSON files. */
@Command(name = "tree-decode", mixinStandardHelpOptions = true,
        description = {"Decode raw ΣLANG v2 streams: each FILE becomes DIR/NAME.json, its tree as JSON.",
                "A malformed file gets one line on stderr (file, reason, offset) and no output file; the others are"
                        + " still decoded (exit 65 if any failed)."})
final class TreeDecodeCommand extends BaseCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files holding one stream each.")
    List<Path> files;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Where the .json files go.")
    Path outDir;

    TreeDecodeCommand(Terminal terminal) {
        super(terminal);
    }

    @Mixin
    ConfigOptions config;

    @Override
    int run() throws IOException {
        SigmalangConfig settings = new ConfigLoader().load(config.sources(terminal));
        TreeJson json = new TreeJson();
        List<Path> targets = FileBatch.outputsFor(outDir, files, ".json");
        FileBatch.outputDirectory(outDir);
        FileBatch batch = new FileBatch(terminal, "sigmalang tree-decode");
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            byte[] stream;
            try {
                stream = readStream(file);
            } catch (CliException e) {
                batch.failed(e.exitCode(), e.getMessage());
                continue;
            } catch (IOException e) {
                batch.failed(ExitCodes.IO, "cannot read " + file + ": " + reason(e));
                continue;
            }
            SemanticTree tree;
            try {
                tree = new SigmaDecoder(EncoderSettings.defaults(), settings.decoder()).decode(stream);
            } catch (DecoderLimitException e) {
                batch.failed(ExitCodes.DATA, file + ": " + DecoderLimitKeys.explain(e, settings));
                continue;
            } catch (MalformedStreamException e) {
                batch.failed(ExitCodes.DATA, file + ": " + e.problem() + " at byte offset " + e.offset());
                continue;
            }
            Path target = targets.get(i);
            try (StagedOutput out = StagedOutput.file(target.toString())) {
                json.write(tree.root(), out.stream());
                out.stream().write('\n');
                out.commit();
            } catch (CliException e) {
                batch.failed(e.exitCode(), e.getMessage());
            } catch (IOException e) {
                batch.failed(ExitCodes.IO, "cannot write " + target + ": " + reason(e));
            }
        }
        return batch.exitCode();
    }

    /**
     * The whole file, refused (exit 65) past the largest stream: read with a bound, not sized by
     * {@code Files.size}, which is 0 for a device such as {@code /dev/zero} that never ends.
     */
    private static byte[] readStream(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new CliException(ExitCodes.IO, "cannot read " + file + ": it is a directory");
        }
        if (Files.isRegularFile(file) && Files.size(file) > ContainerFormat.MAX_STREAM_BYTES) {
            throw tooLarge(file, Files.size(file) + " bytes is");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] stream = in.readNBytes(1 << 16);
            if (stream.length == (1 << 16)) {
                stream = readRest(file, in, stream);
            }
            return stream;
        }
    }

    private static CliException tooLarge(Path file, String size) {
        return new CliException(ExitCodes.DATA, file + ": " + size + " larger than any ΣLANG stream ("
                + ContainerFormat.MAX_STREAM_BYTES + " bytes) at byte offset 0");
    }

    private static byte[] readRest(Path file, InputStream in, byte[] head) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(head.length * 2);
        all.write(head);
        byte[] chunk = new byte[1 << 16];
        long total = head.length;
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            total += n;
            if (total > ContainerFormat.MAX_STREAM_BYTES) {
                throw tooLarge(file, "more than " + ContainerFormat.MAX_STREAM_BYTES + " bytes (it goes on) is");
            }
            all.write(chunk, 0, n);
        }
        return all.toByteArray();
    }
}
