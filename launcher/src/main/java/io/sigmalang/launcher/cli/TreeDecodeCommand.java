package io.sigmalang.launcher.cli;

import io.sigmalang.adapters.container.ContainerFormat;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.domain.codec.SigmaDecoder;
import io.sigmalang.domain.format.MalformedStreamException;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
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

    @Override
    int run() throws IOException {
        TreeJson json = new TreeJson();
        Path dir = FileBatch.outputDirectory(outDir);
        FileBatch batch = new FileBatch(terminal);
        for (Path file : files) {
            byte[] stream;
            try {
                if (Files.size(file) > ContainerFormat.MAX_STREAM_BYTES) {
                    batch.failed(ExitCodes.DATA, file + ": " + Files.size(file) + " bytes is larger than any ΣLANG"
                            + " stream (" + ContainerFormat.MAX_STREAM_BYTES + ") at byte offset 0");
                    continue;
                }
                stream = Files.readAllBytes(file);
            } catch (IOException e) {
                batch.failed(ExitCodes.IO, "cannot read " + file + ": " + reason(e));
                continue;
            }
            SemanticTree tree;
            try {
                tree = new SigmaDecoder().decode(stream);
            } catch (MalformedStreamException e) {
                batch.failed(ExitCodes.DATA, file + ": " + e.problem() + " at byte offset " + e.offset());
                continue;
            }
            Path target = FileBatch.outputFor(dir, file, ".json");
            try (OutputStream out = Files.newOutputStream(target)) {
                json.write(tree.root(), out);
                out.write('\n');
            } catch (IOException e) {
                batch.failed(ExitCodes.IO, "cannot write " + target + ": " + reason(e));
            }
        }
        return batch.exitCode();
    }
}
