package io.sigmalang.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        // The pools' documented defaults: 32 buffers of 4,096 bytes (PoolSettings), the adaptive pool 16 to 128
        // from 16 with windows of 100, grow above 5 %, shrink below 1 %, x1.5 / x0.75, idle trim after 30 s.
        assertEquals(32, config.pool().capacity());
        assertEquals(4096, config.pool().bufferSize());
        assertEquals(new PoolConfig.AdaptiveConfig(16, 16, 128, 100, 0.05, 0.01, 1.5, 0.75, Duration.ofSeconds(30)),
                config.pool().adaptive());
        assertEquals(new PoolConfig.BoundConfig(Long.MAX_VALUE, "allocate-unpooled", Duration.ZERO),
                config.pool().bound());
        assertEquals("off", config.pool().leakDetection());
        assertEquals(128, config.pool().leakSampleInterval());
        assertEquals("none", config.pool().offHeapZeroing());
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
        Path h = file("pool.adaptive.grow-above = 1.5\n");
        assertEquals("invalid configuration: pool.adaptive.grow-above = 1.5 (from file " + h + " line 1): expected a"
                + " number from 0.0 to 1.0", error(new ConfigSources(h, Map.of(), new Properties(), List.of())));
        Path k = file("pool.adaptive.grow-factor = 1\n");
        assertEquals("invalid configuration: pool.adaptive.grow-factor = 1 (from file " + k + " line 1): expected a"
                + " number above 1.0 to 16.0", error(new ConfigSources(k, Map.of(), new Properties(), List.of())));
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

    private String setError(String... keyValues) {
        List<ConfigSources.Option> options = new java.util.ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.add(new ConfigSources.Option(keyValues[i], keyValues[i + 1], "--set"));
        }
        return error(new ConfigSources(null, Map.of(), new Properties(), options));
    }

    private SigmalangConfig set(String... keyValues) {
        List<ConfigSources.Option> options = new java.util.ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.add(new ConfigSources.Option(keyValues[i], keyValues[i + 1], "--set"));
        }
        return loader.load(new ConfigSources(null, Map.of(), new Properties(), options));
    }

    @Test
    void floorAboveCapIsRefusedNamingBoth() throws IOException {
        Path f = file("pool.adaptive { min-capacity = 300 }\n");
        assertEquals("invalid configuration: pool.adaptive.min-capacity = 300 (from file " + f + " line 1) must not"
                        + " exceed pool.adaptive.max-capacity = 128 (from built-in defaults)",
                error(new ConfigSources(f, Map.of(), new Properties(), List.of())));
    }

    @Test
    void initialCapacityMustLieBetweenFloorAndCap() {
        assertEquals("invalid configuration: pool.adaptive.initial-capacity = 8 (from command-line option --set) must be"
                        + " at least pool.adaptive.min-capacity = 16 (from built-in defaults)",
                setError("pool.adaptive.initial-capacity", "8"));
        assertEquals("invalid configuration: pool.adaptive.initial-capacity = 16 (from built-in defaults) must not"
                        + " exceed pool.adaptive.max-capacity = 10 (from command-line option --set)",
                setError("pool.adaptive.min-capacity", "4", "pool.adaptive.max-capacity", "10"));
        assertEquals(4, set("pool.adaptive.min-capacity", "4", "pool.adaptive.initial-capacity", "4",
                "pool.adaptive.max-capacity", "10").pool().adaptive().initialCapacity());
    }

    @Test
    void shrinkRateAboveGrowRateIsRefused() {
        assertEquals("invalid configuration: pool.adaptive.shrink-below = 0.2 (from command-line option --set) must not"
                        + " exceed pool.adaptive.grow-above = 0.05 (from built-in defaults)",
                setError("pool.adaptive.shrink-below", "0.2"));
    }

    @Test
    void durationsNeedTheirUnit() {
        assertEquals(Duration.ofMillis(500), set("pool.adaptive.idle-trim-after", "500ms").pool().adaptive()
                .idleTrimAfter());
        assertEquals(Duration.ofHours(2), set("pool.adaptive.idle-trim-after", "2h").pool().adaptive().idleTrimAfter());
        assertEquals("invalid configuration: pool.adaptive.idle-trim-after = \"30\" (from command-line option --set):"
                        + " expected a duration with its unit (ms, s, m, h or d) from 1ms to 1d",
                setError("pool.adaptive.idle-trim-after", "30"));
        assertEquals("invalid configuration: pool.adaptive.idle-trim-after = \"2d\" (from command-line option --set):"
                        + " expected a duration with its unit (ms, s, m, h or d) from 1ms to 1d",
                setError("pool.adaptive.idle-trim-after", "2d"));
    }

    @Test
    void boundInBytesWithUnitsAndItsPolicy() {
        PoolConfig.BoundConfig bound = set("pool.bound.max-bytes", "64KiB", "pool.bound.policy", "wait",
                "pool.bound.max-wait", "250ms").pool().bound();
        assertEquals(new PoolConfig.BoundConfig(65_536, "wait", Duration.ofMillis(250)), bound);
        assertEquals(3L << 20, set("pool.bound.max-bytes", "3MiB").pool().bound().maxBytes());
        assertEquals(10_000L, set("pool.bound.max-bytes", "10000").pool().bound().maxBytes());
        assertEquals("invalid configuration: pool.bound.max-bytes = \"lots\" (from command-line option --set): expected"
                        + " none, or a number of bytes of at least 1, plain or with a unit (KiB, MiB, GiB, TiB)",
                setError("pool.bound.max-bytes", "lots"));
    }

    @Test
    void boundBelowOneBufferIsRefused() {
        assertEquals("invalid configuration: pool.bound.max-bytes = 2KiB (from command-line option --set) must be at"
                        + " least one buffer, pool.buffer-size = 4096 (from built-in defaults)",
                setError("pool.bound.max-bytes", "2048"));
    }

    @Test
    void maxWaitGoesWithTheWaitPolicyAndOnlyWithIt() {
        assertEquals("invalid configuration: pool.bound.max-wait = 0 (from built-in defaults) must be 1ms to 1h with"
                        + " pool.bound.policy = \"wait\" (from command-line option --set)",
                setError("pool.bound.max-bytes", "1MiB", "pool.bound.policy", "wait"));
        assertEquals("invalid configuration: pool.bound.max-wait = 5s (from command-line option --set) is only used"
                        + " by the wait policy and must be 0 with pool.bound.policy = \"fail-fast\" (from command-line"
                        + " option --set)",
                setError("pool.bound.max-bytes", "1MiB", "pool.bound.policy", "fail-fast", "pool.bound.max-wait", "5s"));
        assertEquals("invalid configuration: pool.bound.max-wait = \"2h\" (from command-line option --set): expected 0 or"
                        + " a duration with its unit (ms, s, m, h or d) up to 1h",
                setError("pool.bound.policy", "wait", "pool.bound.max-wait", "2h"));
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
        assertEquals("SIGMALANG_POOL_ADAPTIVE_GROW_ABOVE", Settings.ADAPTIVE_GROW_ABOVE.environmentVariable());
        assertEquals("SIGMALANG_POOL_BOUND_MAX_BYTES", Settings.POOL_BOUND_MAX_BYTES.environmentVariable());
        assertEquals("sigmalang.encoder.context-depth", Settings.CONTEXT_DEPTH.systemProperty());
        // Dots and dashes both become underscores: no two keys may meet in one variable.
        assertEquals(Settings.ALL.size(), Settings.ALL.stream().map(Setting::environmentVariable).distinct().count());
    }
}
