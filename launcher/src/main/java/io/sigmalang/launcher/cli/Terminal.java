package io.sigmalang.launcher.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

    /** The process's own streams, environment and properties. */
    public static Terminal system() {
        return new Terminal(System.in, System.out, new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.console() != null, System.getenv(), System.getProperties());
    }
}
