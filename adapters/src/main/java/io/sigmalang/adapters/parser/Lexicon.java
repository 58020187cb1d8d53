package io.sigmalang.adapters.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parser's keyword tables, loaded as data from {@code lexicon.json} (a copy of the shared spec's file):
 * keyword to primitive id for the action, communication, code and structure tables, and the
 * programming-language names. Keywords are lower case; table order is kept.
 *
 * @param actions        action keywords (create, sort, ...)
 * @param communication  communication keywords (used for intent only, never as entities)
 * @param code           code keywords (function, class, ...)
 * @param structures     structure keywords (list, map, ...)
 * @param languages      programming-language names (c, c++, java, ...)
 */
public record Lexicon(
        Map<String, Integer> actions,
        Map<String, Integer> communication,
        Map<String, Integer> code,
        Map<String, Integer> structures,
        List<String> languages) {

    /** The resource holding the built-in lexicon, next to this class. */
    public static final String RESOURCE = "lexicon.json";

    public Lexicon {
        actions = unmodifiable(actions);
        communication = unmodifiable(communication);
        code = unmodifiable(code);
        structures = unmodifiable(structures);
        languages = List.copyOf(languages);
    }

    private static Map<String, Integer> unmodifiable(Map<String, Integer> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The lexicon shipped with the adapters. */
    public static Lexicon builtIn() {
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing next to " + Lexicon.class.getName());
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in lexicon", e);
        }
    }

    /** Reads a lexicon in the format of the spec's {@code lexicon.json}; unknown tables are an error. */
    public static Lexicon read(InputStream in) throws IOException {
        Map<String, Map<String, Integer>> tables = new LinkedHashMap<>();
        List<String> languages = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(in)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String table = p.currentName();
                JsonToken t = p.nextToken();
                switch (table) {
                    case "action_keywords", "communication_keywords", "code_keywords", "structure_keywords" -> {
                        expect(p, t, JsonToken.START_OBJECT);
                        Map<String, Integer> entries = new LinkedHashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String keyword = p.currentName();
                            expect(p, p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                            int id = p.getIntValue();
                            if (id < 0 || id > 255) {
                                throw new IOException("lexicon: " + table + "." + keyword + " = " + id
                                        + " is not a primitive id (0..255)");
                            }
                            entries.put(keyword, id);
                        }
                        tables.put(table, entries);
                    }
                    case "languages" -> {
                        expect(p, t, JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            languages.add(p.getText());
                        }
                        expect(p, p.currentToken(), JsonToken.END_ARRAY);
                    }
                    default -> throw new IOException("lexicon: unknown table \"" + table + "\"");
                }
            }
        }
        return new Lexicon(
                tables.getOrDefault("action_keywords", Map.of()),
                tables.getOrDefault("communication_keywords", Map.of()),
                tables.getOrDefault("code_keywords", Map.of()),
                tables.getOrDefault("structure_keywords", Map.of()),
                languages);
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("lexicon: expected " + expected + " but found " + actual + " at line "
                    + p.currentTokenLocation().getLineNr());
        }
    }
}
