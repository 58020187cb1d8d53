package io.sigmalang.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run over many files where one bad file does not stop the others: each failure is one line on stderr, and
 * the exit code is the worst seen (I/O error over bad data over success).
 */
final class FileBatch {
    private final Terminal terminal;
    private final String command;
    private int exitCode = ExitCodes.OK;

    /** A batch of {@code command} (as in {@code sigmalang tree-encode}, the prefix of every error line). */
    FileBatch(Terminal terminal, String command) {
        this.terminal = terminal;
        this.command = command;
    }

    /** Creates the output directory, or fails the whole run. */
    static Path outputDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot create output directory " + dir + ": " + BaseCommand.reason(e), e);
        }
    }

    /** {@code NAME.ext} for the input's file name without its last extension. */
    static Path outputFor(Path outDir, Path input, String extension) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return outDir.resolve((dot > 0 ? name.substring(0, dot) : name) + extension);
    }

    /**
     * The output of every input, checked before anything is written: two inputs that map to one output name
     * (the second would silently replace the first), or an output that names an input, stop the run (exit 2).
     */
    static List<Path> outputsFor(Path outDir, List<Path> inputs, String extension) {
        Map<Path, Path> byOutput = new HashMap<>();
        List<Path> outputs = new ArrayList<>();
        for (Path input : inputs) {
            Path output = outputFor(outDir, input, extension);
            Path key = output.toAbsolutePath().normalize();
            Path earlier = byOutput.putIfAbsent(key, input);
            if (earlier != null) {
                throw new CliException(ExitCodes.USAGE, "inputs " + earlier + " and " + input + " would both be"
                        + " written to " + output + " (give files with different names, or run once per name)");
            }
            outputs.add(output);
        }
        for (Path output : outputs) {
            for (Path input : inputs) {
                if (BaseCommand.sameFile(output, input)) {
                    throw new CliException(ExitCodes.USAGE, "output " + output + " is the input " + input
                            + ": it would be overwritten (choose another --out-dir)");
                }
            }
        }
        return outputs;
    }

    void failed(int code, String line) {
        terminal.err().println(command + ": " + SigmalangCli.oneLine(line));
        terminal.err().flush();
        if (code == ExitCodes.IO || exitCode == ExitCodes.OK) {
            exitCode = code;
        }
    }

    int exitCode() {
        return exitCode;
    }
}
