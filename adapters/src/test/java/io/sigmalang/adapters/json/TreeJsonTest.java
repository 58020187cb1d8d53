package io.sigmalang.adapters.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.sigmalang.adapters.testsupport.Vectors;
import io.sigmalang.adapters.testsupport.Vectors.StreamVector;
import io.sigmalang.domain.tree.SemanticNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TreeJsonTest {

    private final TreeJson json = new TreeJson();

    static List<StreamVector> vectors() throws IOException {
        return Vectors.streams();
    }

    /**
     * Writing a vector's tree gives the same JSON tokens as the vector file itself (both put the fields in
     * the order primitive, value, children), read by a plain parser that knows nothing of trees.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void writesEveryVectorTreeAsTheVectorFileHasIt(StreamVector v) throws IOException {
        String written = json.write(v.tree());
        assertEquals(tokens(v.treeJson()), tokens(written), v.name());
        assertEquals(v.tree(), json.read(written), v.name());
    }

    @Test
    void vectorsCoverTheDeepestPublicTree() throws IOException {
        assertTrue(vectors().stream().anyMatch(v -> v.tree().depth() == 600), "the 600-deep vector is read");
    }

    private static List<String> tokens(String text) throws IOException {
        JsonFactory plain = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build()).build();
        List<String> out = new ArrayList<>();
        try (JsonParser p = plain.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                out.add(t + ":" + p.getText());
            }
        }
        return out;
    }

    @Test
    void readsHandWrittenTreeWithEveryField() {
        SemanticNode tree = json.read("""
                {"children": [{"primitive": 16, "value": "f"}, {"value": "", "primitive": 255}],
                 "primitive": 80, "value": "v"}""");
        assertEquals(SemanticNode.of(80, "v", List.of(SemanticNode.leaf(16, "f"), SemanticNode.leaf(255, ""))), tree);
    }

    @Test
    void absentAndEmptyValueStayDistinct() {
        assertEquals("{\"primitive\":7}", json.write(SemanticNode.leaf(7)));
        assertEquals("{\"primitive\":7,\"value\":\"\"}", json.write(SemanticNode.leaf(7, "")));
    }

    @Test
    void escapesLineBreakLikeCharactersAndKeepsAstralOnes() {
        String value = "a\u2028b\u0085c\u007f\u0000😀é";
        String written = json.write(SemanticNode.leaf(1, value));
        assertEquals("{\"primitive\":1,\"value\":\"a\\u2028b\\u0085c\\u007F\\u0000😀é\"}", written);
        assertEquals(value, json.read(written).valueOrNull());
    }

    @Test
    void aChain2048DeepRoundTripsWithoutRecursion() throws IOException {
        SemanticNode chain = SemanticNode.leaf(16, "bottom");
        for (int i = 1; i < 2048; i++) {
            chain = SemanticNode.of(i % 256, chain);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.write(chain, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(2048 * 2 - 1, maxDepth(text), "a node object and a children array per level");
        SemanticNode back = json.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(2048, back.depth());
        assertEquals(chain, back);
    }

    @Test
    void nestingPastTheLimitIsRefusedClearly() {
        StringBuilder sb = new StringBuilder();
        int levels = TreeJson.MAX_NESTING_DEPTH / 2 + 1;
        for (int i = 0; i < levels; i++) {
            sb.append("{\"primitive\":1,\"children\":[");
        }
        sb.append("{\"primitive\":2}");
        sb.append("]}".repeat(levels));
        TreeJsonException e = assertThrows(TreeJsonException.class, () -> json.read(sb.toString()));
        assertTrue(e.getMessage().contains("nested deeper than 10000 JSON levels"), e.getMessage());
        assertEquals(1, e.line());
    }

    private static int maxDepth(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }

    private String errorFor(String text) {
        return assertThrows(TreeJsonException.class, () -> json.read(text)).getMessage();
    }

    @Test
    void unknownFieldIsNamedWithItsLocationAndTheAllowedOnes() {
        // Column 32 is the first character of the name colour (Jackson points inside the quotes).
        assertEquals("tree JSON line 2, column 32 (node root/0): unknown field \"colour\""
                        + " (allowed: primitive, value, children)",
                errorFor("{\"primitive\": 1, \"children\": [\n{\"primitive\": 2, \"value\": \"x\", \"colour\": 3}]}"));
    }

    @Test
    void emptyChildrenIsRefused() {
        assertTrue(errorFor("{\"primitive\": 1, \"children\": []}")
                .endsWith("(node root): \"children\" is an empty array (a leaf has no \"children\" field)"));
    }

    @Test
    void primitiveOutOfRangeOrOfWrongTypeIsRefused() {
        assertTrue(errorFor("{\"primitive\": 256}").endsWith("\"primitive\" 256 is out of range (allowed: 0..255)"));
        assertTrue(errorFor("{\"primitive\": -1}").endsWith("\"primitive\" -1 is out of range (allowed: 0..255)"));
        assertTrue(errorFor("{\"primitive\": 99999999999999999999}").contains("is out of range"));
        assertTrue(errorFor("{\"primitive\": 1.0}").endsWith("must be an integer 0..255, got a decimal number"));
        assertTrue(errorFor("{\"primitive\": \"1\"}").endsWith("must be an integer 0..255, got a string"));
        assertTrue(errorFor("{\"value\": \"x\"}").endsWith("missing field \"primitive\""));
    }

    @Test
    void wrongTypesAndDuplicatesAreRefused() {
        assertTrue(errorFor("{\"primitive\": 1, \"value\": null}").endsWith("got null"));
        assertTrue(errorFor("{\"primitive\": 1, \"value\": 5}").endsWith("got an integer"));
        assertTrue(errorFor("{\"primitive\": 1, \"children\": {}}").endsWith("must be an array of nodes, got an object"));
        assertTrue(errorFor("{\"primitive\": 1, \"children\": [3]}")
                .endsWith("(node root/0): expected a node object in \"children\", got an integer"));
        assertTrue(errorFor("{\"primitive\": 1, \"primitive\": 2}").endsWith("duplicate field \"primitive\""));
        assertTrue(errorFor("[]").endsWith("expected a node object, got an array"));
    }

    @Test
    void malformedJsonTrailingDataAndEmptyInputAreRefused() {
        assertTrue(errorFor("{\"primitive\": 1").contains("malformed JSON"), errorFor("{\"primitive\": 1"));
        assertTrue(errorFor("{\"primitive\": 1} {\"primitive\": 2}").contains("after the tree"));
        assertTrue(errorFor("  ").endsWith("no tree: the input is empty"));
    }

    @Test
    void unpairedSurrogateInAValueIsRefused() {
        assertTrue(errorFor("{\"primitive\": 1, \"value\": \"a\\ud800b\"}")
                .endsWith("\"value\" holds an unpaired surrogate U+D800 at index 1 (values must be Unicode text)"));
        assertEquals("😀", json.read("{\"primitive\": 1, \"value\": \"\\ud83d\\ude00\"}").valueOrNull());
    }

    /** Issue 12, item 9: every Jackson size limit was reported as "nested deeper than 10000 JSON levels". */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "number|a number longer than 1000 characters (the longest JSON number read; a primitive id has at most 3 digits)",
        "name|a field name longer than 50000 characters (the longest name read; allowed: primitive, value, children)",
        "string|a string longer than 20000000 characters (the longest JSON string read; a value the format carries has"
                + " at most 32767 UTF-8 bytes)"})
    void eachJacksonLimitIsNamedAsWhatItIs(String limit, String expected) {
        String json = switch (limit) {
            case "number" -> "{\"primitive\": " + "1".repeat(1_500) + "}";
            case "name" -> "{\"" + "n".repeat(60_000) + "\": 1}";
            default -> "{\"primitive\": 16, \"value\": \"" + "v".repeat(25_000_000) + "\"}";
        };
        TreeJsonException e = assertThrows(TreeJsonException.class, () -> new TreeJson().read(
                new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("tree JSON line 1, column "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": " + expected), e.getMessage());
    }

    @Test
    void zeroBytesThatLookLikeUtf32AreBadDataNotAnIoError() throws IOException {
        // Found by TreeJsonFuzzTest: 00 00 00 15 makes Jackson read UTF-32, which then fails with an IOException.
        byte[] input = java.util.Base64.getDecoder().decode("AAAAFSI6IFt7InByIjogImYifV19");
        TreeJsonException e = assertThrows(TreeJsonException.class, () -> new TreeJson().read(
                new ByteArrayInputStream(input)));
        assertTrue(e.getMessage().startsWith("tree JSON line 1, column "), e.getMessage());
        assertTrue(e.getMessage().contains(": not UTF-8 text (Invalid UTF-32 character 0x2239205b"), e.getMessage());
    }

    @Test
    void zeroBytesInAnOrderNoUnicodeEncodingUsesAreBadData() {
        // Found by TreeJsonFuzzTest: Jackson refuses 00 00 30 00 (UCS-4 in the 2143 byte order) while it guesses
        // the encoding, before the first token.
        byte[] input = java.util.Base64.getDecoder().decode("AAAwABUicHIiOiAiZiJ9XX0=");
        TreeJsonException e = assertThrows(TreeJsonException.class, () -> new TreeJson().read(
                new ByteArrayInputStream(input)));
        assertTrue(e.getMessage().startsWith("tree JSON line 1, column 1: not UTF-8 text ("), e.getMessage());
    }
}
