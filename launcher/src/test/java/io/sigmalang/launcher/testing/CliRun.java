package io.sigmalang.launcher.testing;

import io.sigmalang.launcher.cli.SigmalangCli;
import io.sigmalang.launcher.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One in-process run of the CLI through picocli's {@code CommandLine.execute}, with captured standard output
 * and error, given standard input, environment and properties, and the test strategies bound beside the
 * shipped ones.
 *
 * @param exitCode the exit code
 * @param out      what was written to standard output
 * @param err      what was written to standard error
 */
public record CliRun(int exitCode, byte[] out, String err) {

    public static CliRun run(String... args) {
        return run(new byte[0], Map.of(), args);
    }

    public static CliRun run(byte[] stdin, Map<String, String> environment, String... args) {
        return run(false, stdin, environment, args);
    }

    /** A run whose stderr is (or is not) taken for a terminal. */
    public static CliRun run(boolean interactive, byte[] stdin, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new ByteArrayInputStream(stdin), out, new PrintWriter(err, true), interactive,
                environment, new Properties());
        int code = SigmalangCli.create(terminal, TestStrategies.withShipped()).execute(args);
        return new CliRun(code, out.toByteArray(), err.toString());
    }

    public String outText() {
        return new String(out, StandardCharsets.UTF_8);
    }

    public List<String> outLines() {
        return outText().lines().toList();
    }

    public List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ", stderr: " + err;
    }
}
