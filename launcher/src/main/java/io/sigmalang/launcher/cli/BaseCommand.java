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
        if (!debug) {
            return run();
        }
        Runnable restore = Logging.debug();
        try {
            return run();
        } finally {
            restore.run();
        }
    }

    abstract int run() throws IOException;

    /** Opens {@code name} for reading ({@code -} is standard input, not closed by closing the result). */
    InputStream openInput(String name) {
        if (name.equals("-")) {
            return new FilterInputStreamNoClose(terminal.in());
        }
        try {
            return Files.newInputStream(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.IO, "cannot read " + name + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot read " + name + ": " + reason(e), e);
        }
    }

    /** Opens {@code name} for writing, buffered ({@code -} is standard output, flushed but not closed). */
    OutputStream openOutput(String name) {
        if (name.equals("-")) {
            return new BufferedOutputStream(new FilterOutputStreamNoClose(terminal.out()), 1 << 16);
        }
        try {
            return new BufferedOutputStream(Files.newOutputStream(Path.of(name)), 1 << 16);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + name + ": " + reason(e), e);
        }
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

    /** Standard output that is flushed, never closed, when the writer on it is closed. */
    private static final class FilterOutputStreamNoClose extends java.io.FilterOutputStream {
        FilterOutputStreamNoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
