package io.sigmalang.launcher.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sigmalang.launcher.config.ConfigLoader;
import io.sigmalang.launcher.config.ConfigSources;
import io.sigmalang.launcher.config.InvalidConfigException;
import io.sigmalang.launcher.config.Setting;
import io.sigmalang.launcher.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration loader under fuzzed files (HOCON, JSON or properties, by the name's extension), environment
 * variables and {@code --set} values: a validated configuration or an {@link InvalidConfigException}, nothing
 * else, and its message one line.
 */
class ConfigLoaderFuzzTest {
    private static final String[] EXTENSIONS = {".conf", ".json", ".properties"};
    /**
     * Looked up once: {@code new ConfigLoader()} finds the pool strategies with ServiceLoader each time, which was
     * half of a fuzzing run's time (a JFR profile). The loader keeps no state between loads (the catalog's checks
     * are pure), so one loader for every input tests the same thing.
     */
    private static final Settings SETTINGS = Settings.installed();
    private static final List<Setting> ALL = SETTINGS.all();
    private static final ConfigLoader LOADER = new ConfigLoader(SETTINGS);
    /** One file per extension, rewritten for each input rather than created and deleted each time. */
    private static final Path[] FILES = files();

    private static Path[] files() {
        try {
            Path dir = Files.createTempDirectory("config-fuzz");
            dir.toFile().deleteOnExit();
            Path[] files = new Path[EXTENSIONS.length];
            for (int i = 0; i < files.length; i++) {
                files[i] = dir.resolve("fuzz" + EXTENSIONS[i]);
                files[i].toFile().deleteOnExit();
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "24h", maxExecutions = 10_000_000)
    void loadsOrRefuses(FuzzedDataProvider data) throws IOException {
        String key = ALL.get(data.consumeInt(0, ALL.size() - 1)).key();
        String setValue = data.consumeString(64);
        String envValue = data.consumeString(64);
        Path config = FILES[data.consumeInt(0, EXTENSIONS.length - 1)];
        byte[] file = data.consumeRemainingAsBytes();
        Files.write(config, file);
        Map<String, String> env = Map.of(ALL.get(file.length % ALL.size()).environmentVariable(), envValue);
        ConfigSources sources = new ConfigSources(config, env, new Properties(),
                List.of(new ConfigSources.Option(key, setValue, "--set")));
        try {
            LOADER.load(sources);
        } catch (InvalidConfigException e) {
            assertNotNull(e.getMessage());
            String message = e.getMessage();
            assertFalse(message.contains("\n") || message.contains("\r"), () -> "not one line: " + message);
        }
    }
}
