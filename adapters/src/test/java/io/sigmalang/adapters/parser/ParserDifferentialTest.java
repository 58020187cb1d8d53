package io.sigmalang.adapters.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.adapters.testsupport.Vectors;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The single-pass parser gives the same trees (and the same source sizes) as the regular-expression parser it
 * replaced ({@link RegexTextParser}, the oracle) on the spec's texts, the shipped corpora and
 * {@value #GENERATED} seeded generated texts ({@link TextGenerator}); set {@code -Dsigmalang.differential.texts=N}
 * for more or fewer. A mismatch names the text's index and the text, escaped, so it can be replayed.
 */
class ParserDifferentialTest {

    static final int GENERATED = 1_000_000;
    static final long SEED = 20_261_130L;
    private static final int TEXTS = Integer.getInteger("sigmalang.differential.texts", GENERATED);

    private final TextParser parser = new RuleBasedTextParser();
    private final TextParser oracle = new RegexTextParser();

    @Test
    void theSpecTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String file : List.of("streams.jsonl", "sigma_hash.jsonl", "glyphs.jsonl")) {
            for (String line : io.sigmalang.domain.testing.Vectors.rawLines(file)) {
                texts.addAll(strings(line));
            }
        }
        if (Vectors.sharedDir().isPresent()) {
            Path shared = Vectors.sharedDir().get();
            for (String file : List.of("spec/PARSER.md", "spec/primitives.tsv", "conformance/README.md")) {
                Path path = shared.resolve(file);
                String all = Files.readString(path, StandardCharsets.UTF_8);
                texts.add(all);
                texts.addAll(all.lines().toList());
            }
        }
        assertTrue(texts.size() > 500, "the spec's texts were not found: " + texts.size());
        assertSameTrees("spec", texts);
    }

    @Test
    void theShippedCorpora() throws IOException {
        List<Path> files = new ArrayList<>();
        files.addAll(textFiles(Path.of("..", "samples")));
        files.addAll(textFiles(Path.of("..", "bench", "src", "main", "resources", "corpus")));
        assertTrue(files.size() >= 2, "expected samples/conversation.txt and bench's corpus, found " + files);
        for (Path file : files) {
            String all = Files.readString(file, StandardCharsets.UTF_8);
            List<String> texts = new ArrayList<>(all.lines().toList());
            texts.add(all);
            assertSameTrees(file.toString(), texts);
        }
    }

    @Test
    void generatedTexts() {
        Map<Integer, Long> roots = compareGenerated(new TextGenerator(SEED, Lexicon.builtIn(), List.of()), parser,
                oracle, TEXTS);
        // The generator must reach every rule: each intent and each relation, many times over.
        for (int root : new int[] {0x50, 0x60, 0x64, 0x66, 0x57, 0x52, 0x01, 0x61}) {
            assertTrue(roots.getOrDefault(root, 0L) >= TEXTS / 1000, "intent root 0x" + Integer.toHexString(root)
                    + " seen " + roots.getOrDefault(root, 0L) + " times: " + roots);
        }
        for (int relation : new int[] {0x01, 0x43, 0x06, 0x03, 0x02}) {
            assertTrue(roots.getOrDefault(-relation, 0L) >= TEXTS / 1000, "relation 0x" + Integer.toHexString(relation)
                    + " seen " + roots.getOrDefault(-relation, 0L) + " times: " + roots);
        }
    }

    /**
     * The same with a lexicon of several-word keywords ("ice cream", "in-place"), keywords that are no whole
     * word at one end ("c#", ".net") and upper-case or duplicate entries, which the built-in lexicon lacks.
     * No two of its keywords can overlap without starting at the same place ("objective-c" and "c" could): the
     * oracle fails on such a pair (a negative substring), so that case is pinned by hand in
     * {@code RuleBasedTextParserTest#overlappingKeywordsAreRelatedPlainly}.
     */
    @Test
    void generatedTextsWithAnOddLexicon() {
        Lexicon builtIn = Lexicon.builtIn();
        Map<String, Integer> code = new LinkedHashMap<>(builtIn.code());
        code.put("in-place", 0x30);
        code.put("ice cream", 0x31);
        code.put("node.js", 0x32);
        code.put("c#", 0x33);
        code.put(".net", 0x34);
        code.put("Upper", 0x35);
        code.put("tell me", 0x36);
        Map<String, Integer> structures = new LinkedHashMap<>(builtIn.structures());
        structures.put("hash set", 0x37);
        structures.put("for", 0x38);
        List<String> languages = new ArrayList<>(builtIn.languages());
        languages.add("C#");
        languages.add("Visual Basic");
        Lexicon odd = new Lexicon(builtIn.actions(), builtIn.communication(), code, structures, languages);
        TextGenerator generator = new TextGenerator(SEED + 1, odd,
                List.of("in-place", "ice cream", "node.js", "c#", ".net", "Upper", "hash set", "visual basic", "visual", "basic",
                        "ice", "cream", "hash", "set", "net", "node", "in place", "tell me"));
        compareGenerated(generator, new RuleBasedTextParser(odd), new RegexTextParser(odd), Math.max(1, TEXTS / 20));
    }

    /** Compares {@code count} generated texts, on all cores; returns how often each root (and, negated, each relation) came. */
    private static Map<Integer, Long> compareGenerated(TextGenerator generator, TextParser parser, TextParser oracle,
            int count) {
        Map<Integer, AtomicLong> seen = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong firstFailure = new AtomicLong(Long.MAX_VALUE);
        LongStream.range(0, count).parallel().forEach(i -> {
            String text = generator.text(i);
            SemanticTree expected = oracle.parse(text);
            SemanticTree actual = parser.parse(text);
            if (!expected.equals(actual) || !expected.sourceBytes().equals(actual.sourceBytes())) {
                firstFailure.accumulateAndGet(i, Math::min);
                return;
            }
            SemanticNode root = expected.root();
            seen.computeIfAbsent(root.primitive(), k -> new AtomicLong()).incrementAndGet();
            for (SemanticNode n : root.preOrder()) {
                if (n.valueOrNull() == null && n != root) {
                    seen.computeIfAbsent(-n.primitive(), k -> new AtomicLong()).incrementAndGet();
                }
            }
        });
        long failed = firstFailure.get();
        if (failed != Long.MAX_VALUE) {
            String text = generator.text(failed);
            fail("text " + failed + " differs: " + escape(text) + "\n  oracle: " + oracle.parse(text) + " ("
                    + oracle.parse(text).sourceBytes() + ")\n  parser: " + parser.parse(text) + " ("
                    + parser.parse(text).sourceBytes() + ")");
        }
        Map<Integer, Long> counts = new TreeMap<>();
        seen.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    private void assertSameTrees(String source, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            int index = i;
            SemanticTree expected = oracle.parse(text);
            SemanticTree actual = parser.parse(text);
            assertEquals(expected, actual, () -> source + " text " + index + " differs: " + escape(text));
            assertEquals(expected.sourceBytes(), actual.sourceBytes(),
                    () -> source + " text " + index + ", source bytes: " + escape(text));
        }
    }

    private static List<Path> textFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.txt")) {
            stream.forEach(files::add);
        }
        return files;
    }

    /** Every string and field name in one JSON line (read as a stream: trees nest deeper than Jackson's default). */
    private static List<String> strings(String line) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = new TreeJson().factory().createParser(line)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    out.add(p.getText());
                }
            }
        }
        return out;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\') {
                sb.append((char) cp);
            } else {
                sb.append(cp > 0xFFFF ? String.format("\\u{%X}", cp) : String.format("\\u%04X", cp));
            }
        });
        return sb.append('"').toString();
    }
}
