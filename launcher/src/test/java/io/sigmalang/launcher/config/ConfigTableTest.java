package io.sigmalang.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration table in docs/CLI.md lists every key the loader knows, in order, with its real default. */
class ConfigTableTest {
    private static final Path DOC = Path.of("../docs/CLI.md");
    /** A table row: the key in backticks, then the default (backticks dropped). */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z.-]+)` \\| `?([^`|]*?)`? \\|");

    static Map<String, String> rows(String document) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ROW.matcher(document);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void theDocumentedKeysAndDefaultsAreTheLoadersOwn() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (Setting s : Settings.installed().all()) {
            expected.put(s.key(), String.valueOf(s.spelledDefault()));
        }
        assertEquals(expected, rows(Files.readString(DOC)));
    }

    @Test
    void theDocumentedStrategiesAreTheInstalledOnes() throws IOException {
        Matcher row = Pattern.compile("(?m)^\\| `pool.strategy` \\| [^|]* \\| ([^|(]*)").matcher(Files.readString(DOC));
        assertEquals(true, row.find(), "the pool.strategy row");
        List<String> documented = List.of(row.group(1).strip().replace("`", "").split(",\\s*"));
        assertEquals(Settings.installed().catalog().names(), documented);
    }

    @Test
    void theRowReaderSeesKeyAndDefault() {
        assertEquals(Map.of("pool.bound.max-wait", "0", "pool.capacity", "32"),
                rows("| key | default |\n|---|---|\n| `pool.bound.max-wait` | `0` | x |\n| `pool.capacity` | 32 | y |\n"));
    }
}
