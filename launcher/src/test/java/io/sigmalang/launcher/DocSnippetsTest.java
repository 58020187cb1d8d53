package io.sigmalang.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets are exactly the tagged regions of {@link ReadmeExamples}, which the tests compile
 * and run: a doc that drifts from code that works fails the build. Checks every document that carries a
 * snippet marker ({@code <!-- snippet: NAME -->} right before a java code block): docs/CLI.md, and README.md once
 * the section is folded into it.
 */
class DocSnippetsTest {
    private static final Path SOURCE = Path.of("src/test/java/io/sigmalang/launcher/ReadmeExamples.java");
    private static final List<Path> DOCUMENTS = List.of(Path.of("../README.md"), Path.of("../docs/CLI.md"));
    private static final Pattern REGION = Pattern.compile(
            "(?m)^[ \\t]*// tag::([\\w-]+)\\[]\\n(.*?)^[ \\t]*// end::\\1\\[]$", Pattern.DOTALL);
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: ([\\w-]+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

    static Map<String, String> regions(String source) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = REGION.matcher(source);
        while (m.find()) {
            out.put(m.group(1), dedent(m.group(2)));
        }
        return out;
    }

    static Map<String, String> snippets(String document) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = SNIPPET.matcher(document);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** Removes the indentation all non-blank lines share. */
    static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void everySnippetInTheDocsIsTheCodeThatRuns() throws IOException {
        Map<String, String> regions = regions(Files.readString(SOURCE));
        assertEquals(List.of("plain-constructors", "guice-module", "batch-service"),
                new ArrayList<>(regions.keySet()));
        assertTrue(regions.get("plain-constructors").lines().count() <= 15, "the plain example fits in 15 lines");
        int documents = 0;
        for (Path doc : DOCUMENTS) {
            if (!Files.exists(doc)) {
                continue;
            }
            Map<String, String> snippets = snippets(Files.readString(doc));
            if (snippets.isEmpty()) {
                continue;
            }
            documents++;
            assertEquals(regions.keySet(), snippets.keySet(), doc + " shows every example");
            for (Map.Entry<String, String> snippet : snippets.entrySet()) {
                assertEquals(regions.get(snippet.getKey()), snippet.getValue(), doc + " snippet " + snippet.getKey()
                        + " differs from ReadmeExamples.java");
            }
        }
        assertTrue(documents > 0, "no document shows the snippets");
    }

    @Test
    void theCheckerNoticesADifference() {
        String source = "class X {\n    void a() {\n        // tag::one[]\n        int x = 1;\n        // end::one[]\n    }\n}\n";
        assertEquals(Map.of("one", "int x = 1;\n"), regions(source));
        assertEquals(Map.of("one", "int x = 2;\n"), snippets("<!-- snippet: one -->\n```java\nint x = 2;\n```\n"));
        assertFalse(regions(source).equals(snippets("<!-- snippet: one -->\n```java\nint x = 2;\n```\n")));
    }
}
