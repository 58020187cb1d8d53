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
    private static final List<Setting> ALL = Settings.installed().all();

    @FuzzTest(maxDuration = "24h", maxExecutions = 10_000_000)
    void loadsOrRefuses(FuzzedDataProvider data) throws IOException {
        String key = ALL.get(data.consumeInt(0, ALL.size() - 1)).key();
        String setValue = data.consumeString(64);
        String envValue = data.consumeString(64);
        String extension = EXTENSIONS[data.consumeInt(0, EXTENSIONS.length - 1)];
        byte[] file = data.consumeRemainingAsBytes();
        Path config = Files.createTempFile("fuzz", extension);
        try {
            Files.write(config, file);
            Map<String, String> env = Map.of(ALL.get(file.length % ALL.size()).environmentVariable(),
                    envValue);
            ConfigSources sources = new ConfigSources(config, env, new Properties(),
                    List.of(new ConfigSources.Option(key, setValue, "--set")));
            try {
                new ConfigLoader().load(sources);
            } catch (InvalidConfigException e) {
                assertNotNull(e.getMessage());
                assertFalse(e.getMessage().contains("\n"), () -> "not one line: " + e.getMessage());
            }
        } finally {
            Files.delete(config);
        }
    }
}
