package io.sigmalang.launcher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run over many files where one bad file does not stop the others: each failure is one line on stderr, and
 * the exit code is the worst seen (I/O error over bad data over success).
 */
final class FileBatch {
    private final Terminal terminal;
    private int exitCode = ExitCodes.OK;

    FileBatch(Terminal terminal) {
        this.terminal = terminal;
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

    void failed(int code, String line) {
        terminal.err().println(line);
        terminal.err().flush();
        if (code == ExitCodes.IO || exitCode == ExitCodes.OK) {
            exitCode = code;
        }
    }

    int exitCode() {
        return exitCode;
    }
}
