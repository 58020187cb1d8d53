package io.sigmalang.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.launcher.config.Settings;
import io.sigmalang.launcher.testing.CliRun;
import io.sigmalang.launcher.testing.FourthStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strategy the launcher does not know ({@code unpooled}, in test sources), found on the class path through
 * ServiceLoader: selectable with {@code --pool} and the config file, its own key settable from the command line
 * and the file and validated by its own rule, listed among the known keys. No launcher main code names it.
 */
class FourthStrategyEndToEndTest {
    private static final Path SAMPLE = Path.of("../samples/conversation.txt");

    @TempDir
    Path dir;

    private CliRun encode(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("encode", SAMPLE.toString(), "-o",
                dir.resolve("out.sigma").toString(), "--stats-json", dir.resolve("stats.json").toString()));
        args.addAll(List.of(extra));
        return FourthStrategy.installed(() -> CliRun.shipped(args.toArray(String[]::new)));
    }

    private String stats() throws IOException {
        return Files.readString(dir.resolve("stats.json"));
    }

    @Test
    void selectedAndConfiguredFromTheCommandLine() throws IOException {
        CliRun r = encode("--pool", "unpooled", "--set", "pool.unpooled.max-outstanding=7");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        // Not one acquire per message any more: full-form streams go out of the conversation's window buffer.
        assertTrue(r.err().contains("\n  pool unpooled: "), r.err());
        assertTrue(r.err().contains(" releases, 0 outstanding,"), "the window went back when the encoder closed: "
                + r.err());
        assertTrue(stats().matches("(?s).*\"capacity\"\\s*:\\s*7\\b.*"), "the knob reached the pool: " + stats());
        byte[] unpooled = Files.readAllBytes(dir.resolve("out.sigma"));
        CliRun adaptive = CliRun.shipped("encode", SAMPLE.toString());
        assertArrayEquals(adaptive.out(), unpooled, "the pool changes where bytes are staged, not what they are");
    }

    @Test
    void selectedAndConfiguredFromTheConfigFile() throws IOException {
        Path conf = dir.resolve("sigmalang.conf");
        Files.writeString(conf, "pool {\n  strategy = unpooled\n  unpooled { max-outstanding = 9 }\n}\n");
        CliRun r = encode("--config", conf.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("\n  pool unpooled: "), r.err());
        assertTrue(stats().matches("(?s).*\"capacity\"\\s*:\\s*9\\b.*"), stats());
    }

    @Test
    void itsOwnRuleRefusesABadValueInOneLine() throws IOException {
        Path conf = dir.resolve("sigmalang.conf");
        Files.writeString(conf, "pool.unpooled.max-outstanding = 0\n");
        CliRun r = encode("--config", conf.toString(), "--pool", "unpooled");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertEquals(List.of("sigmalang encode: invalid configuration: pool.unpooled.max-outstanding = 0 (from file "
                + conf + " line 1): expected an integer 1..1024"), r.errLines());
    }

    @Test
    void itsKeyIsKnownOnlyWhereItIsInstalled() {
        assertTrue(FourthStrategy.installed(() -> Settings.installed().knownKeys()).contains(
                "pool.unpooled.max-outstanding"));
        assertTrue(FourthStrategy.installed(() -> Settings.installed().catalog().names())
                .equals(List.of("adaptive", "fixed", "offheap", "unpooled")));
        CliRun without = CliRun.shipped("encode", SAMPLE.toString(), "--set", "pool.unpooled.max-outstanding=7");
        assertEquals(ExitCodes.USAGE, without.exitCode());
        assertTrue(without.err().contains("unknown key pool.unpooled.max-outstanding"), without.err());
    }
}
