package io.sigmalang.domain.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sigmalang.domain.tree.SemanticNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads the conformance vectors (JSON Lines) for tests: from the shared folder when it is there (the system
 * property {@code sigmalang.shared.dir}, set by the build to the folder beside the checkout), else from the
 * unchanged copies in this module's test resources ({@code /conformance/}), so a clone alone can run the tests.
 * {@code ConformanceCopyTest} checks the copies equal the shared files byte for byte whenever both exist.
 */
public final class Vectors {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20_000).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(20_000).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private Vectors() {
    }

    /** The shared folder (holding {@code conformance/} and {@code spec/}), when it is there. */
    public static Optional<Path> sharedDir() {
        String configured = System.getProperty("sigmalang.shared.dir");
        List<Path> candidates = new ArrayList<>();
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("../shared"));
        candidates.add(Path.of("../../shared"));
        return candidates.stream().filter(p -> Files.isDirectory(p.resolve("conformance"))).findFirst();
    }

    /** The bytes of {@code conformance/NAME}: the shared file when there, else the copy in the test resources. */
    public static byte[] file(String name) {
        try {
            Optional<Path> shared = sharedDir();
            if (shared.isPresent()) {
                return Files.readAllBytes(shared.get().resolve("conformance").resolve(name));
            }
            return copy(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read conformance/" + name, e);
        }
    }

    /** The copy of {@code conformance/NAME} shipped in the test resources. */
    public static byte[] copy(String name) throws IOException {
        try (InputStream in = Vectors.class.getResourceAsStream("/conformance/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no conformance/" + name + " in the test resources");
            }
            return in.readAllBytes();
        }
    }

    /** Every non-blank line of {@code conformance/NAME}. */
    public static List<String> rawLines(String name) {
        return new String(file(name), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    /** Every line of {@code conformance/NAME} as a JSON object. */
    public static List<JsonNode> lines(String name) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : rawLines(name)) {
                out.add(MAPPER.readTree(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read conformance/" + name, e);
        }
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A tree from its JSON text, read with a streaming parser and an explicit stack (no recursion). */
    public static SemanticNode tree(JsonNode json) {
        try (JsonParser p = JSON.createParser(MAPPER.writeValueAsBytes(json))) {
            return readTree(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SemanticNode readTree(JsonParser p) throws IOException {
        // Each open node: primitive, value, children so far.
        List<Object[]> stack = new ArrayList<>();
        SemanticNode done = null;
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("tree JSON must be an object");
        }
        stack.add(new Object[] {-1, null, new ArrayList<SemanticNode>()});
        while ((t = p.nextToken()) != null) {
            Object[] top = stack.get(stack.size() - 1);
            if (t == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                t = p.nextToken();
                switch (field) {
                    case "primitive" -> top[0] = p.getIntValue();
                    case "value" -> top[1] = p.getText();
                    case "children" -> {
                        if (t != JsonToken.START_ARRAY) {
                            throw new IllegalArgumentException("children must be an array");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown field " + field);
                }
            } else if (t == JsonToken.START_OBJECT) {
                stack.add(new Object[] {-1, null, new ArrayList<SemanticNode>()});
            } else if (t == JsonToken.END_OBJECT) {
                stack.remove(stack.size() - 1);
                @SuppressWarnings("unchecked")
                List<SemanticNode> children = (List<SemanticNode>) top[2];
                SemanticNode node = SemanticNode.of((Integer) top[0], (String) top[1], children);
                if (stack.isEmpty()) {
                    done = node;
                    break;
                }
                @SuppressWarnings("unchecked")
                List<SemanticNode> parentChildren = (List<SemanticNode>) stack.get(stack.size() - 1)[2];
                parentChildren.add(node);
            }
        }
        return done;
    }
}
