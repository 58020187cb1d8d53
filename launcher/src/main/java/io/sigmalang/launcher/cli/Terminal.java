package io.sigmalang.launcher.cli;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What a CLI run sees of the world: standard streams, whether stderr is a terminal, the environment and the
 * system properties. The real one is {@link #system()}; tests give their own, so no run reads a global.
 *
 * @param in          standard input
 * @param out         standard output (binary output goes here unbuffered by the CLI; it is flushed)
 * @param err         standard error, for messages, summaries and the progress bar
 * @param interactive whether stderr is a terminal (a progress bar is shown then)
 * @param environment environment variables
 * @param properties  system properties
 */
public record Terminal(InputStream in, OutputStream out, PrintWriter err, boolean interactive,
        Map<String, String> environment, Properties properties) {

    public Terminal {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(properties, "properties");
    }

    /**
     * The process's own streams, environment and properties. Standard output is the file descriptor itself, not
     * {@code System.out}: a {@code PrintStream} swallows write errors, so a full disk would go unnoticed.
     */
    public static Terminal system() {
        return new Terminal(System.in, new FileOutputStream(FileDescriptor.out),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), isTerminal(STANDARD_ERROR), System.getenv(),
                System.getProperties());
    }

    /** Where Linux shows what file descriptor 2 is open on. */
    static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

    /**
     * Whether the file descriptor behind {@code link} (a {@code /proc/self/fd/N} link) is a terminal: a
     * {@code /dev/pts/N} or {@code /dev/ttyN} device. {@code System.console()} cannot tell: it looks at standard
     * input and output, and on JDK 22 and later is there even when they are redirected. Where there is no
     * {@code /proc} (not Linux), the console's own answer is taken.
     */
    static boolean isTerminal(Path link) {
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Console console = System.console();
            return console != null && console.isTerminal();
        }
    }
}
