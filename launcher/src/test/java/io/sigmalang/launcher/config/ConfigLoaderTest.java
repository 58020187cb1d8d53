package io.sigmalang.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.pool.spi.CommonKnobs;
import io.sigmalang.domain.pool.spi.PoolConfiguration;
import io.sigmalang.pool.adaptive.AdaptivePoolProvider;
import io.sigmalang.pool.offheap.OffHeapPoolProvider;
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
        PoolConfiguration pool = config.pool();
        assertEquals(32, pool.integer(CommonKnobs.CAPACITY));
        assertEquals(4096, pool.integer(CommonKnobs.BUFFER_SIZE));
        assertEquals(List.of(16, 16, 128, 100), List.of(pool.integer(AdaptivePoolProvider.INITIAL_CAPACITY),
                pool.integer(AdaptivePoolProvider.MIN_CAPACITY), pool.integer(AdaptivePoolProvider.MAX_CAPACITY),
                pool.integer(AdaptivePoolProvider.WINDOW_ACQUIRES)));
        assertEquals(List.of(0.05, 0.01, 1.5, 0.75), List.of(pool.decimal(AdaptivePoolProvider.GROW_ABOVE),
                pool.decimal(AdaptivePoolProvider.SHRINK_BELOW), pool.decimal(AdaptivePoolProvider.GROW_FACTOR),
                pool.decimal(AdaptivePoolProvider.SHRINK_FACTOR)));
        assertEquals(Duration.ofSeconds(30), pool.duration(AdaptivePoolProvider.IDLE_TRIM_AFTER));
        assertEquals(Long.MAX_VALUE, pool.bytes(CommonKnobs.BOUND_MAX_BYTES));
        assertEquals("allocate-unpooled", pool.choice(CommonKnobs.BOUND_POLICY));
        assertEquals(Duration.ZERO, pool.duration(CommonKnobs.BOUND_MAX_WAIT));
        assertEquals("off", pool.choice(CommonKnobs.LEAK_DETECTION));
        assertEquals(128, pool.integer(CommonKnobs.LEAK_SAMPLE_INTERVAL));
        assertEquals("none", pool.choice(OffHeapPoolProvider.ZEROING));
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

        assertEquals(2, capacity(loader.load(new ConfigSources(f, Map.of(), new Properties(), List.of()))));
        assertEquals(3, capacity(loader.load(new ConfigSources(f, env, new Properties(), List.of()))));
        assertEquals(4, capacity(loader.load(new ConfigSources(f, env, props, List.of()))));
        SigmalangConfig all = loader.load(new ConfigSources(f, env, props, flags));
        assertEquals(5, all.pool().integer(CommonKnobs.CAPACITY));
        assertEquals("fixed", all.pool().strategy());
        assertEquals(8192, all.pool().integer(CommonKnobs.BUFFER_SIZE));
        assertFalse(all.encoder().bankEnabled());
        assertEquals("command-line option --set", all.origin("pool.capacity"));
        assertEquals("command-line option --pool", all.origin("pool.strategy"));
        assertEquals("file " + f + " line 2", all.origin("pool.buffer-size"));
        assertEquals("environment variable SIGMALANG_ENCODER_BANK_ENABLED", all.origin("encoder.bank.enabled"));
        assertEquals("system property sigmalang.pool.capacity",
                loader.load(new ConfigSources(f, env, props, List.of())).origin("pool.capacity"));
    }

    private static int capacity(SigmalangConfig config) {
        return config.pool().integer(CommonKnobs.CAPACITY);
    }

    @Test
    void unknownKeyInTheFileNamesKeyFileAndLine() throws IOException {
        Path f = file("pool.capacity = 2\npool.strategi = fixed\n");
        assertEquals("invalid configuration: unknown key pool.strategi (from file " + f + " line 2): known keys are "
                + Settings.installed().knownKeys(), error(new ConfigSources(f, Map.of(), new Properties(), List.of())));
    }

    @Test
    void unknownKeyOnTheCommandLine() {
        assertEquals("invalid configuration: unknown key pool.colour (from command-line option --set): known keys are "
                + Settings.installed().knownKeys(), error(new ConfigSources(null, Map.of(), new Properties(),
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
                "pool.adaptive.max-capacity", "10").pool().integer(AdaptivePoolProvider.INITIAL_CAPACITY));
    }

    @Test
    void shrinkRateAboveGrowRateIsRefused() {
        assertEquals("invalid configuration: pool.adaptive.shrink-below = 0.2 (from command-line option --set) must not"
                        + " exceed pool.adaptive.grow-above = 0.05 (from built-in defaults)",
                setError("pool.adaptive.shrink-below", "0.2"));
    }

    @Test
    void durationsNeedTheirUnit() {
        assertEquals(Duration.ofMillis(500), set("pool.adaptive.idle-trim-after", "500ms").pool()
                .duration(AdaptivePoolProvider.IDLE_TRIM_AFTER));
        assertEquals(Duration.ofHours(2),
                set("pool.adaptive.idle-trim-after", "2h").pool().duration(AdaptivePoolProvider.IDLE_TRIM_AFTER));
        assertEquals("invalid configuration: pool.adaptive.idle-trim-after = \"30\" (from command-line option --set):"
                        + " expected a duration with its unit (ms, s, m, h or d) from 1ms to 1d",
                setError("pool.adaptive.idle-trim-after", "30"));
        assertEquals("invalid configuration: pool.adaptive.idle-trim-after = \"2d\" (from command-line option --set):"
                        + " expected a duration with its unit (ms, s, m, h or d) from 1ms to 1d",
                setError("pool.adaptive.idle-trim-after", "2d"));
    }

    @Test
    void boundInBytesWithUnitsAndItsPolicy() {
        PoolConfiguration bound = set("pool.bound.max-bytes", "64KiB", "pool.bound.policy", "wait",
                "pool.bound.max-wait", "250ms").pool();
        assertEquals(65_536, bound.bytes(CommonKnobs.BOUND_MAX_BYTES));
        assertEquals("wait", bound.choice(CommonKnobs.BOUND_POLICY));
        assertEquals(Duration.ofMillis(250), bound.duration(CommonKnobs.BOUND_MAX_WAIT));
        assertEquals(3L << 20, set("pool.bound.max-bytes", "3MiB").pool().bytes(CommonKnobs.BOUND_MAX_BYTES));
        assertEquals(10_000L, set("pool.bound.max-bytes", "10000").pool().bytes(CommonKnobs.BOUND_MAX_BYTES));
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
        Settings settings = Settings.installed();
        assertEquals("SIGMALANG_POOL_STRATEGY", Settings.POOL_STRATEGY.environmentVariable());
        assertEquals("SIGMALANG_POOL_ADAPTIVE_GROW_ABOVE",
                settings.byKey("pool.adaptive.grow-above").environmentVariable());
        assertEquals("SIGMALANG_POOL_BOUND_MAX_BYTES", settings.byKey("pool.bound.max-bytes").environmentVariable());
        assertEquals("sigmalang.encoder.context-depth", Settings.CONTEXT_DEPTH.systemProperty());
        // Dots and dashes both become underscores: no two keys may meet in one variable.
        assertEquals(settings.all().size(),
                settings.all().stream().map(Setting::environmentVariable).distinct().count());
    }

    @Test
    void aListWhereOneValueIsExpectedIsNamedAsAList() throws IOException {
        Path f = file("pool { capacity = [1,2] }\n");
        assertEquals("invalid configuration: pool.capacity = a list of 2 values [1, 2] (from file " + f + " line 1):"
                + " expected an integer 1..65536", error(new ConfigSources(f, Map.of(), new Properties(), List.of())));
    }

    @Test
    void aMultiLineValueStaysOnOneLineEscaped() throws IOException {
        Path f = file("pool.leak-detection = \"\"\"off\nstrict\"\"\"\n");
        String message = error(new ConfigSources(f, Map.of(), new Properties(), List.of()));
        // Typesafe Config gives a multi-line string the line where it ends.
        assertEquals("invalid configuration: pool.leak-detection = a multi-line text \"off\\nstrict\" (from file " + f
                + " line 2): expected one of off, sampled, paranoid, strict", message);
        String fromEnvironment = error(new ConfigSources(null, Map.of("SIGMALANG_POOL_CAPACITY", "3\r\n\u0007"),
                new Properties(), List.of()));
        assertEquals("invalid configuration: pool.capacity = a multi-line text \"3\\r\\n\\u0007\" (from environment"
                + " variable SIGMALANG_POOL_CAPACITY): expected an integer 1..65536", fromEnvironment);
    }

    @Test
    void anUnknownKeyWithANewlineIsEscaped() {
        String message = setError("pool.capacity\nx", "1");
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("invalid configuration: unknown key a multi-line text \"pool.capacity\\nx\""),
                message);
    }

    @Test
    void aFootprintBeyondTheBoundIsRefusedNamingBothKeys() {
        // 128 × 64 MiB = 8 GiB: refused before anything is allocated (it used to end in an OutOfMemoryError).
        assertEquals("invalid configuration: pool.capacity × pool.buffer-size = 128 × 67108864 = 8589934592 bytes"
                        + " (from command-line option --set; command-line option --set) exceeds the 1GiB a configured"
                        + " fixed pool may retain: lower pool.capacity or pool.buffer-size",
                setError("pool.strategy", "fixed", "pool.capacity", "128", "pool.buffer-size", "67108864"));
        // The adaptive pool retains at most its largest capacity: 128 (its default) × 64 MiB.
        assertEquals("invalid configuration: pool.adaptive.max-capacity × pool.buffer-size = 128 × 67108864 ="
                        + " 8589934592 bytes (from built-in defaults; command-line option --set) exceeds the 1GiB a"
                        + " configured adaptive pool may retain: lower pool.adaptive.max-capacity or pool.buffer-size",
                setError("pool.buffer-size", "67108864"));
        // Exactly 1 GiB is allowed: 16 × 64 MiB.
        assertEquals(16, set("pool.strategy", "fixed", "pool.capacity", "16", "pool.buffer-size", "67108864").pool()
                .integer(CommonKnobs.CAPACITY));
    }
}
