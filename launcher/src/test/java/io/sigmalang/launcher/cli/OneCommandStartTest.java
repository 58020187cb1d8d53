package io.sigmalang.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.launcher.testing.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SigmalangCli#execute} builds only the command a run names (picocli's reflection over the others is
 * skipped); what a user sees must not change: each command's help and errors, the full list of commands for
 * {@code --help}, {@code help COMMAND} and a misspelt command.
 */
class OneCommandStartTest {

    private static final List<String> COMMANDS = List.of("encode", "decode", "parse", "tree-encode", "tree-decode");

    @Test
    void topLevelHelpStillListsEveryCommand() {
        CliRun r = CliRun.shipped("--help");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        for (String command : COMMANDS) {
            assertTrue(r.outText().contains("  " + command + " "), command + " missing from:\n" + r.outText());
        }
    }

    @Test
    void eachCommandsOwnHelpAndHelpCommand() {
        for (String command : COMMANDS) {
            CliRun own = CliRun.shipped(command, "--help");
            assertEquals(ExitCodes.OK, own.exitCode(), own.toString());
            assertTrue(own.outText().startsWith("Usage: sigmalang " + command), own.outText());
            CliRun viaHelp = CliRun.shipped("help", command);
            assertEquals(ExitCodes.OK, viaHelp.exitCode(), viaHelp.toString());
            assertEquals(own.outText(), viaHelp.outText());
        }
    }

    @Test
    void aMisspeltCommandIsStillOneLineNamingTheProblem() {
        CliRun r = CliRun.shipped("encod", "x.txt");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("sigmalang: "), r.err());
    }

    @Test
    void anUnknownOptionOfANamedCommandIsThatCommandsError() {
        CliRun r = CliRun.shipped("decode", "--bogus");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertEquals("sigmalang decode: Unknown option: '--bogus' (see 'sigmalang decode --help')", r.err().strip());
    }
}
