package io.sigmalang.launcher.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** What every command shares: the terminal, {@code --debug}, and opening inputs and outputs where {@code -} means the standard stream. */
abstract class BaseCommand implements Callable<Integer> {
    final Terminal terminal;

    @Option(names = "--debug", description = "Log at debug level (the configuration at start-up) and show stack traces.")
    boolean debug;

    BaseCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public final Integer call() throws IOException {
        try {
            if (!debug) {
                return run();
            }
            Runnable restore = Logging.debug();
            try {
                return run();
            } finally {
                restore.run();
            }
        } catch (OutOfMemoryError e) {
            // Thrown out of run(), what filled the heap is unreachable now: a message can be built.
            throw new CliException(ExitCodes.OUT_OF_MEMORY, "out of memory (" + e.getMessage() + ", Java heap of "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): give the JVM more with java -Xmx..., or"
                    + " lower the limits of the input it reads", e);
        } catch (StackOverflowError e) {
            throw new CliException(ExitCodes.SOFTWARE, "internal error: the stack overflowed (run with --debug for"
                    + " the stack trace)", e);
        }
    }

    abstract int run() throws IOException;

    /** Opens {@code name} for reading ({@code -} is standard input, not closed by closing the result). */
    InputStream openInput(String name) {
        if (name.equals("-")) {
            return new FilterInputStreamNoClose(terminal.in());
        }
        if (Files.isDirectory(Path.of(name))) {
            throw new CliException(ExitCodes.IO, "cannot read " + name + ": it is a directory");
        }
        try {
            return Files.newInputStream(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.IO, "cannot read " + name + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot read " + name + ": " + reason(e), e);
        }
    }

    /**
     * Standard output, buffered, flushed but not closed by closing the result. A write error (a full disk, a
     * closed pipe) is a {@link CliException} (exit 74), never swallowed as {@code System.out} would.
     */
    OutputStream openStandardOutput() {
        return new BufferedOutputStream(new StandardOutput(terminal.out()), 1 << 16);
    }

    /**
     * Opens {@code name} for writing through a temporary file that replaces it only on
     * {@link StagedOutput#commit()} ({@code -} is standard output, written as it comes).
     */
    StagedOutput openStagedOutput(String name) {
        return name.equals("-") ? StagedOutput.standardOutput(openStandardOutput()) : StagedOutput.file(name);
    }

    /**
     * Refuses (exit 2) an output that names one of the run's inputs: writing it would destroy the input before
     * it is read. {@code -} names standard input or output, never a file.
     */
    static void refuseOutputOverInput(String output, String what, String... inputs) {
        if (output == null || output.equals("-")) {
            return;
        }
        for (String input : inputs) {
            if (input != null && !input.equals("-") && sameFile(Path.of(output), Path.of(input))) {
                throw new CliException(ExitCodes.USAGE, what + " " + output + " is the input " + input
                        + ": it would be overwritten before it is read (choose another output)");
            }
        }
    }

    /** Whether two names are one file: the same file where both exist (links followed), else the same path. */
    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // Fall back to comparing the names.
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    static String reason(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Standard input that stays open when the reader on it is closed. */
    private static final class FilterInputStreamNoClose extends java.io.FilterInputStream {
        FilterInputStreamNoClose(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    /**
     * Standard output that is flushed, never closed, when the writer on it is closed, and whose write errors
     * are reported as one line (exit 74).
     */
    private static final class StandardOutput extends java.io.FilterOutputStream {
        StandardOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() {
            flush();
        }

        private static CliException failed(IOException e) {
            return new CliException(ExitCodes.IO, "cannot write standard output: " + reason(e), e);
        }
    }
}
