package io.sigmalang.adapters.testsupport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.domain.tree.SemanticNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The conformance stream vectors, read with the streaming parser (some nest past Jackson's default limit). */
public final class Vectors {

    /** One line of streams.jsonl: its name, the raw tree JSON text, the tree and the expected stream. */
    public record StreamVector(String name, String treeJson, SemanticNode tree, byte[] stream) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Vectors() {
    }

    public static Path sharedDir() {
        String dir = System.getProperty("sigmalang.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property sigmalang.shared.dir is not set (run through Maven)");
        }
        return Path.of(dir);
    }

    public static List<StreamVector> streams() throws IOException {
        TreeJson json = new TreeJson();
        List<StreamVector> out = new ArrayList<>();
        for (String line : Files.readAllLines(sharedDir().resolve("conformance/streams.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String name = null;
            SemanticNode tree = null;
            String treeJson = null;
            byte[] stream = null;
            try (JsonParser p = json.factory().createParser(line)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (field) {
                        case "name" -> name = p.getText();
                        case "hex" -> stream = HexFormat.of().parseHex(p.getText());
                        case "tree" -> {
                            int start = (int) p.currentTokenLocation().getCharOffset();
                            tree = json.readNode(p);
                            int end = (int) p.currentTokenLocation().getCharOffset() + 1;
                            treeJson = line.substring(start, end);
                        }
                        default -> {
                            if (t.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                    }
                }
            }
            out.add(new StreamVector(name, treeJson, tree, stream));
        }
        return out;
    }
}
