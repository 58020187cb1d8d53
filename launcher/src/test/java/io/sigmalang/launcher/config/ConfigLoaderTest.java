package io.sigmalang.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    private Path file(String text) throws IOException {
        Path f = dir.resolve("sigmalang.conf");
        Files.writeString(f, text);
        return f;
    }

    private static Properties props(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    private String error(ConfigSources sources) {
        return assertThrows(InvalidConfigException.class, () -> loader.load(sources)).getMessage();
    }

    @Test
    void defaultsAloneGiveTheAdaptivePoolAndTheEncoderDefaults() {
        SigmalangConfig config = loader.load(ConfigSources.none());
        assertEquals("adaptive", config.pool().strategy());
        assertEquals(32, config.pool().capacity());
        assertEquals(1024, config.encoder().bankCapacity());
        assertEquals(4, config.encoder().contextDepth());
        assertEquals("built-in defaults", config.origin("pool.strategy"));
    }

    @Test
    void eachSourceOverridesTheOnesBelowIt() throws IOException {
        Path f = file("pool.capacity = 2\npool { buffer-size = 8192 }\n");
        Map<String, String> env = Map.of("SIGMALANG_POOL_CAPACITY", "3", "SIGMALANG_ENCODER_BANK_ENABLED", "no",
                "SIGMALANG_HOME", "/ignored");
        Properties props = props("sigmalang.pool.capacity", "4");
        List<ConfigSources.Option> flags = List.of(new ConfigSources.Option("pool.capacity", "5", "--set"),
                new ConfigSources.Option("pool.strategy", "fixed", "--pool"));

        assertEquals(2, loader.load(new ConfigSources(f, Map.of(), new Properties(), List.of())).pool().capacity());
        assertEquals(3, loader.load(new ConfigSources(f, env, new Properties(), List.of())).pool().capacity());
        assertEquals(4, loader.load(new ConfigSources(f, env, props, List.of())).pool().capacity());
        SigmalangConfig all = loader.load(new ConfigSources(f, env, props, flags));
        assertEquals(5, all.pool().capacity());
        assertEquals("fixed", all.pool().strategy());
        assertEquals(8192, all.pool().bufferSize());
        assertFalse(all.encoder().bankEnabled());
        assertEquals("command-line option --set", all.origin("pool.capacity"));
        assertEquals("command-line option --pool", all.origin("pool.strategy"));
        assertEquals("file " + f + " line 2", all.origin("pool.buffer-size"));
        assertEquals("environment variable SIGMALANG_ENCODER_BANK_ENABLED", all.origin("encoder.bank.enabled"));
        assertEquals("system property sigmalang.pool.capacity",
                loader.load(new ConfigSources(f, env, props, List.of())).origin("pool.capacity"));
    }

    @Test
    void unknownKeyInTheFileNamesKeyFileAndLine() throws IOException {
        Path f = file("pool.capacity = 2\npool.strategi = fixed\n");
        assertEquals("invalid configuration: unknown key pool.strategi (from file " + f + " line 2): known keys are "
                + Settings.knownKeys(), error(new ConfigSources(f, Map.of(), new Properties(), List.of())));
    }

    @Test
    void unknownKeyOnTheCommandLine() {
        assertEquals("invalid configuration: unknown key pool.colour (from command-line option --set): known keys are "
                + Settings.knownKeys(), error(new ConfigSources(null, Map.of(), new Properties(),
                        List.of(new ConfigSources.Option("pool.colour", "red", "--set")))));
    }

    @Test
    void notANumberFromTheEnvironment() {
        assertEquals("invalid configuration: pool.capacity = \"abc\" (from environment variable SIGMALANG_POOL_CAPACITY):"
                        + " expected an integer 1..65536",
                error(new ConfigSources(null, Map.of("SIGMALANG_POOL_CAPACITY", "abc"), new Properties(), List.of())));
    }

    @Test
    void outOfRangeNumbersFromTheFile() throws IOException {
        Path f = file("pool.capacity = 0\n");
        assertEquals("invalid configuration: pool.capacity = 0 (from file " + f + " line 1): expected an integer 1..65536",
                error(new ConfigSources(f, Map.of(), new Properties(), List.of())));
        Path g = file("encoder.context-depth = 4.5\n");
        assertEquals("invalid configuration: encoder.context-depth = 4.5 (from file " + g + " line 1): expected an"
                + " integer 1..16", error(new ConfigSources(g, Map.of(), new Properties(), List.of())));
        Path h = file("pool.adaptive.grow-threshold = 1.5\n");
        assertEquals("invalid configuration: pool.adaptive.grow-threshold = 1.5 (from file " + h + " line 1): expected a"
                + " number above 0.0 to 1.0", error(new ConfigSources(h, Map.of(), new Properties(), List.of())));
    }

    @Test
    void wrongChoiceAndWrongBoolean() {
        assertEquals("invalid configuration: pool.leak-detection = \"loud\" (from system property"
                        + " sigmalang.pool.leak-detection): expected one of off, sampled, paranoid, strict",
                error(new ConfigSources(null, Map.of(), props("sigmalang.pool.leak-detection", "loud"), List.of())));
        assertEquals("invalid configuration: encoder.delta.enabled = \"maybe\" (from command-line option --set):"
                        + " expected true or false",
                error(new ConfigSources(null, Map.of(), new Properties(),
                        List.of(new ConfigSources.Option("encoder.delta.enabled", "maybe", "--set")))));
    }

    @Test
    void strategyNameMustLookLikeOne() {
        assertEquals("invalid configuration: pool.strategy = \"Off Heap\" (from command-line option --pool): expected"
                        + " a strategy name (lower-case letters, digits and dashes)",
                error(new ConfigSources(null, Map.of(), new Properties(),
                        List.of(new ConfigSources.Option("pool.strategy", "Off Heap", "--pool")))));
    }

    @Test
    void floorAboveCapIsRefusedNamingBoth() throws IOException {
        Path f = file("pool.adaptive { floor = 300 }\n");
        assertEquals("invalid configuration: pool.adaptive.floor = 300 (from file " + f + " line 1) must not exceed"
                        + " pool.adaptive.cap = 256 (from built-in defaults)",
                error(new ConfigSources(f, Map.of(), new Properties(), List.of())));
    }

    @Test
    void aFileThatIsNotHoconOrIsMissing() throws IOException {
        Path f = file("pool.capacity = = 3\n");
        String message = error(new ConfigSources(f, Map.of(), new Properties(), List.of()));
        assertEquals(1, message.lines().count());
        assertEquals("invalid configuration: --config " + f + ": ", message.substring(0, message.indexOf(": ",
                message.indexOf(f.toString())) + 2));
        Path missing = dir.resolve("missing.conf");
        assertEquals("invalid configuration: --config " + missing + ": no such file (expected a readable HOCON, JSON or"
                + " .properties file)", error(new ConfigSources(missing, Map.of(), new Properties(), List.of())));
    }

    @Test
    void everyKeyHasAnEnvironmentVariableAndAProperty() {
        assertEquals("SIGMALANG_POOL_STRATEGY", Settings.POOL_STRATEGY.environmentVariable());
        assertEquals("SIGMALANG_POOL_ADAPTIVE_GROW_THRESHOLD", Settings.ADAPTIVE_GROW_THRESHOLD.environmentVariable());
        assertEquals("sigmalang.encoder.context-depth", Settings.CONTEXT_DEPTH.systemProperty());
    }
}
