package io.sigmalang.launcher.cli;

import com.google.inject.CreationException;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import io.sigmalang.launcher.config.InvalidConfigException;
import io.sigmalang.launcher.wiring.SigmalangModules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code sigmalang} command line: its subcommands, and the mapping of every failure to one line on stderr
 * and an exit code (0 ok, 2 usage or configuration, 65 bad input data, 74 I/O error, 70 a bug). A stack trace
 * is printed only with {@code --debug}.
 */
@Command(name = "sigmalang", mixinStandardHelpOptions = true, version = "sigmalang 0.1.0",
        description = "Encode conversations as compact ΣLANG v2 semantic-tree streams, and decode them.",
        subcommands = CommandLine.HelpCommand.class)
public final class SigmalangCli implements Runnable {
    @Spec
    CommandSpec spec;

    private SigmalangCli() {
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (encode, encode-batch,"
                + " decode, parse, tree-encode, tree-decode)");
    }

    /** The command line for one run over {@code terminal}, with every pool strategy the launcher ships. */
    public static CommandLine create(Terminal terminal) {
        return create(terminal, SigmalangModules.strategies());
    }

    /** The command line for one run over {@code terminal}, with the given pool strategy modules. */
    public static CommandLine create(Terminal terminal, List<Module> strategies) {
        return create(terminal, strategies, null);
    }

    /**
     * The command line with every subcommand, or, when {@code only} names one of them, with that one alone:
     * picocli builds each subcommand's model by reflection on its annotations (a third of a short run's start),
     * and a run that names its command needs no other. {@code help}, no command or a misspelt one get them all.
     */
    private static CommandLine create(Terminal terminal, List<Module> strategies, String only) {
        CommandLine cli = new CommandLine(new SigmalangCli());
        for (Object command : List.of(
                new EncodeCommand(terminal, strategies),
                new EncodeBatchCommand(terminal, strategies),
                new DecodeCommand(terminal),
                new ParseCommand(terminal),
                new TreeEncodeCommand(terminal, strategies),
                new TreeDecodeCommand(terminal))) {
            if (only == null || only.equals(command.getClass().getAnnotation(Command.class).name())) {
                cli.addSubcommand(command);
            }
        }
        if (only != null && cli.getSubcommands().size() == 1) {
            // "help" only: the name was none of ours; start again with every command.
            return create(terminal, strategies, null);
        }
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(terminal.out(), StandardCharsets.UTF_8), true));
        cli.setErr(terminal.err());
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setExecutionExceptionHandler(new Failures());
        return cli;
    }

    /** Runs {@code args} over {@code terminal} and returns the exit code. */
    public static int execute(Terminal terminal, String... args) {
        String first = args.length > 0 && !args[0].startsWith("-") && !args[0].equals("help") ? args[0] : null;
        return create(terminal, SigmalangModules.strategies(), first).execute(args);
    }

    /** A usage error: one line naming the problem and where to find help. */
    private static final class UsageErrors implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            CommandLine cmd = e.getCommandLine();
            String name = cmd.getCommandSpec().qualifiedName();
            cmd.getErr().println(name + ": " + firstLine(e.getMessage()) + " (see '" + name + " --help')");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        }
    }

    /** A failure while running: mapped to its exit code, one line, a stack trace only with --debug. */
    private static final class Failures implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
            Throwable cause = unwrap(e);
            int code;
            String message;
            if (cause instanceof CliException cli) {
                code = cli.exitCode();
                message = cli.getMessage();
            } else if (cause instanceof InvalidConfigException config) {
                code = ExitCodes.USAGE;
                message = config.getMessage();
            } else if (cause instanceof OutOfMemoryError) {
                code = ExitCodes.OUT_OF_MEMORY;
                message = "out of memory: " + cause.getMessage();
            } else if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                code = ExitCodes.IO;
                IOException io = cause instanceof UncheckedIOException u ? u.getCause() : (IOException) cause;
                message = "I/O error: " + BaseCommand.reason(io);
            } else {
                code = ExitCodes.SOFTWARE;
                message = "internal error: " + cause + " (run with --debug for the stack trace)";
            }
            PrintWriter err = cmd.getErr();
            // Our own messages are one line by construction, but may quote a file name holding a line break.
            String line = cause instanceof CliException ? oneLine(message) : oneLine(firstLine(message));
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + line);
            if (cmd.getCommand() instanceof BaseCommand base && base.debug) {
                cause.printStackTrace(err);
            }
            err.flush();
            return code;
        }

        /** Guice wraps what a provider throws; the configuration error inside is what the user must see. */
        private static Throwable unwrap(Throwable e) {
            Throwable t = e;
            while ((t instanceof ProvisionException || t instanceof CreationException) && t.getCause() != null) {
                t = t.getCause();
            }
            return t;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /**
     * {@code s} with every control character written as an escape (a line break as backslash-n, a tab as
     * backslash-t, others as backslash-u and four hex digits): one error, one line, even when a file name holds a
     * line break.
     */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
