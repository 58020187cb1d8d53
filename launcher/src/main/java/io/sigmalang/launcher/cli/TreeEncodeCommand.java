package io.sigmalang.launcher.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.adapters.json.TreeJsonException;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.format.TreeRejectedException;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolExhaustedException;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
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

/** {@code tree-encode}: tree JSON files into raw ΣLANG streams, full form, each by a fresh encoder. */
@Command(name = "tree-encode", mixinStandardHelpOptions = true,
        description = {"Encode tree JSON files: each FILE becomes DIR/NAME.sigma, one raw ΣLANG v2 stream in the"
                + " full-primitive form with context id 0, written by a fresh encoder.",
                "A bad file gets one line on stderr and no output; the others are still encoded (exit 65 if any"
                        + " failed)."})
final class TreeEncodeCommand extends BaseCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Tree JSON files, one tree each.")
    List<Path> files;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Where the .sigma files go.")
    Path outDir;

    @Mixin
    ConfigOptions config;

    private final List<Module> strategies;

    TreeEncodeCommand(Terminal terminal, List<Module> strategies) {
        super(terminal);
        this.strategies = strategies;
    }

    @Override
    int run() throws IOException {
        Injector injector = Launch.injector(config, terminal, strategies);
        TreeJson json = injector.getInstance(TreeJson.class);
        List<Path> targets = FileBatch.outputsFor(outDir, files, ".sigma");
        Path dir = FileBatch.outputDirectory(outDir);
        FileBatch batch = new FileBatch(terminal, "sigmalang tree-encode");
        try (BufferPool pool = injector.getInstance(BufferPool.class)) {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                SemanticNode tree;
                if (Files.isDirectory(file)) {
                    batch.failed(ExitCodes.IO, "cannot read " + file + ": it is a directory");
                    continue;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    tree = json.read(in);
                } catch (TreeJsonException e) {
                    batch.failed(ExitCodes.DATA, file + ": " + e.getMessage());
                    continue;
                } catch (IOException e) {
                    batch.failed(ExitCodes.IO, "cannot read " + file + ": " + reason(e));
                    continue;
                }
                byte[] stream;
                try {
                    stream = new SigmaEncoder(pool, EncoderSettings.fullFormOnly()).encode(SemanticTree.of(tree));
                } catch (TreeRejectedException e) {
                    batch.failed(ExitCodes.DATA, file + ": " + e.getMessage());
                    continue;
                } catch (PoolExhaustedException e) {
                    throw Launch.poolExhausted(e, file.toString(), injector.getInstance(SigmalangConfig.class));
                }
                Path target = targets.get(i);
                try (StagedOutput out = StagedOutput.file(target.toString())) {
                    out.stream().write(stream);
                    out.commit();
                } catch (CliException e) {
                    batch.failed(e.exitCode(), e.getMessage());
                } catch (IOException e) {
                    batch.failed(ExitCodes.IO, "cannot write " + target + ": " + reason(e));
                }
            }
        }
        return batch.exitCode();
    }
}
