package io.sigmalang.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigmaSparkConfigTest {
    private static final String SET = "command-line option --set";

    @TempDir
    Path dir;

    private static String refused(SigmaSparkConfig config) {
        return assertThrows(InvalidConfigurationException.class, config::validate).getMessage();
    }

    @Test
    void theDefaultsAreTheClisDefaults() {
        SigmaSparkConfig config = SigmaSparkConfig.defaults().validate();
        assertEquals("adaptive", config.strategy());
        assertEquals(new CodecSettings(true, 1024, true, 4), config.codecSettings());
        assertEquals(1, config.batchSettings().workers());
        assertEquals(4096, config.batchSettings().maxQueued());
        assertFalse(config.failFast());
    }

    @Test
    void keysThatDoNotGoTogetherAreRefusedInTheClisWords() {
        // docs/CLI.md shows the CLI's message for this very configuration.
        assertEquals("invalid configuration: pool.adaptive.min-capacity = 300 (from command-line option --set) must"
                + " not exceed pool.adaptive.max-capacity = 128 (from built-in defaults)",
                refused(SigmaSparkConfig.defaults().with("pool.adaptive.min-capacity", "300", SET)));
    }

    @Test
    void eachKindOfMistakeIsOneLineNamingTheKeyItsValueAndItsOrigin() {
        assertEquals("invalid configuration: encoder.bank.enabled = \"maybe\" (from settings map): expected true or"
                + " false", refused(SigmaSparkConfig.defaults().with("encoder.bank.enabled", "maybe")));
        assertEquals("invalid configuration: batch.workers = \"0\" (from command-line option --set): expected an"
                + " integer 1..1024", refused(SigmaSparkConfig.defaults().with("batch.workers", "0", SET)));
        assertTrue(refused(SigmaSparkConfig.defaults().with("pool.strategy", "elastic", SET))
                .startsWith("invalid configuration: pool.strategy = \"elastic\""));
        assertTrue(refused(SigmaSparkConfig.defaults().with("pool.strategy", "elastic", SET))
                .contains("adaptive, fixed"));
        String unknown = refused(SigmaSparkConfig.defaults().with("encoder.bank.size", "5", SET));
        assertTrue(unknown.startsWith("invalid configuration: unknown key encoder.bank.size (from command-line"
                + " option --set): known keys are pool.strategy, encoder.bank.enabled, "), unknown);
        assertEquals(1, unknown.lines().count());
    }

    @Test
    void aPropertiesFileIsASourceAndLaterSourcesWin() throws IOException {
        Path file = dir.resolve("sigmalang.properties");
        Files.writeString(file, "pool.strategy = fixed\npool.capacity = 8\nencoder.context-depth = 2\n",
                StandardCharsets.UTF_8);
        SigmaSparkConfig config = SigmaSparkConfig.defaults().withFile(file).with("pool.capacity", "16", SET)
                .validate();
        assertEquals("fixed", config.strategy());
        assertEquals(2, config.codecSettings().contextDepth());
        PoolCatalog catalog = PoolCatalog.installed();
        try (BufferPool pool = catalog.create(config.poolConfiguration(catalog))) {
            assertEquals(16, pool.stats().capacity());
        }
        Files.writeString(file, "pool.capacity = lots\n", StandardCharsets.UTF_8);
        assertEquals("invalid configuration: pool.capacity = \"lots\" (from file " + file + "): expected an integer"
                + " 1..65536", refused(SigmaSparkConfig.defaults().withFile(file)));
    }

    @Test
    void itTravelsToTheExecutorsIntact() throws Exception {
        SigmaSparkConfig config = SigmaSparkConfig.defaults().with("pool.strategy", "fixed")
                .with("encoder.bank.capacity", "64").withFailFast(true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            SigmaSparkConfig back = (SigmaSparkConfig) in.readObject();
            assertEquals(config, back);
            assertEquals(64, back.codecSettings().bankCapacity());
            assertTrue(back.failFast());
        }
    }
}
