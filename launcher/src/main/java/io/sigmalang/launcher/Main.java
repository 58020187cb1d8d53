package io.sigmalang.launcher;

import io.sigmalang.launcher.cli.SigmalangCli;
import io.sigmalang.launcher.cli.Terminal;

/** The entry point of {@code sigmalang.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        useReflectionInGuice();
        System.exit(SigmalangCli.execute(Terminal.system(), args));
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
