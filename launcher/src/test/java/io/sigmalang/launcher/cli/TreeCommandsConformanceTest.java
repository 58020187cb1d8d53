package io.sigmalang.launcher.cli;

import static io.sigmalang.launcher.testing.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.launcher.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tree-encode over every conformance stream vector gives exactly the vector's bytes, and tree-decode gives
 * the vector's tree back (the vectors come from the reference implementation, checked by an independent reader).
 */
class TreeCommandsConformanceTest {

    @TempDir
    Path dir;

    /** Vector name to {tree JSON text, hex}. */
    private static Map<String, String[]> vectors() throws IOException {
        TreeJson json = new TreeJson();
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String line : io.sigmalang.domain.testing.Vectors.rawLines("streams.jsonl")) {
            if (line.isBlank()) {
                continue;
            }
            String name = null;
            String tree = null;
            String hex = null;
            try (JsonParser p = json.factory().createParser(line)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    if (field.equals("tree")) {
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        tree = line.substring(start, (int) p.currentTokenLocation().getCharOffset() + 1);
                    } else if (field.equals("name")) {
                        name = p.getText();
                    } else if (field.equals("hex")) {
                        hex = p.getText();
                    } else if (t.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
            out.put(name, new String[] {tree, hex});
        }
        return out;
    }

    @Test
    void treeEncodeWritesEveryVectorByteForByteAndTreeDecodeReadsItBack() throws IOException {
        Map<String, String[]> vectors = vectors();
        assertEquals(44, vectors.size(), "every line of streams.jsonl");
        Path trees = Files.createDirectories(dir.resolve("trees"));
        List<String> args = new ArrayList<>(List.of("tree-encode", "--pool", "heap", "--out-dir",
                dir.resolve("sigma").toString()));
        for (Map.Entry<String, String[]> v : vectors.entrySet()) {
            args.add(Files.writeString(trees.resolve(v.getKey() + ".json"), v.getValue()[0]).toString());
        }
        CliRun encoded = run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, encoded.exitCode(), encoded.toString());

        List<String> decodeArgs = new ArrayList<>(List.of("tree-decode", "--out-dir", dir.resolve("json").toString()));
        TreeJson json = new TreeJson();
        for (Map.Entry<String, String[]> v : vectors.entrySet()) {
            Path sigma = dir.resolve("sigma").resolve(v.getKey() + ".sigma");
            assertEquals(v.getValue()[1], HexFormat.of().formatHex(Files.readAllBytes(sigma)), v.getKey());
            decodeArgs.add(sigma.toString());
        }
        CliRun decoded = run(decodeArgs.toArray(String[]::new));
        assertEquals(ExitCodes.OK, decoded.exitCode(), decoded.toString());
        for (Map.Entry<String, String[]> v : vectors.entrySet()) {
            Path back = dir.resolve("json").resolve(v.getKey() + ".json");
            assertEquals(json.read(v.getValue()[0]), json.read(Files.readString(back)), v.getKey());
        }
    }
}
