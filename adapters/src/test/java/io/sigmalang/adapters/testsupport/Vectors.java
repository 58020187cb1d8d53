package io.sigmalang.adapters.testsupport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.domain.tree.SemanticNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

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

    /** The shared folder beside the checkout, when it is there. */
    public static Optional<Path> sharedDir() {
        return io.sigmalang.domain.testing.Vectors.sharedDir();
    }

    public static List<StreamVector> streams() throws IOException {
        TreeJson json = new TreeJson();
        List<StreamVector> out = new ArrayList<>();
        for (String line : io.sigmalang.domain.testing.Vectors.rawLines("streams.jsonl")) {
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
