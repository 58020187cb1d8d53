package io.sigmalang.launcher;

import io.sigmalang.launcher.cli.ExitCodes;
import io.sigmalang.launcher.cli.SigmalangCli;
import io.sigmalang.launcher.cli.Terminal;

/** The entry point of {@code sigmalang.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        useReflectionInGuice();
        int code;
        try {
            code = SigmalangCli.execute(Terminal.system(), args);
        } catch (OutOfMemoryError e) {
            // The commands map their own; this is for what fails outside them (parsing the arguments, start-up).
            System.err.println("sigmalang: out of memory (" + e.getMessage() + "): give the JVM more with java -Xmx...");
            code = ExitCodes.OUT_OF_MEMORY;
        } catch (Error e) {
            System.err.println("sigmalang: internal error: " + e + " (a bug; run with --debug for the stack trace)");
            code = ExitCodes.SOFTWARE;
        }
        System.exit(code);
    }

    /**
     * Guice 7 generates classes through sun.misc.Unsafe, and JDK 24+ warns about that on stderr in every run.
     * The launcher uses no method interception, so reflection does the same work without the warning.
     */
    static void useReflectionInGuice() {
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }
}
