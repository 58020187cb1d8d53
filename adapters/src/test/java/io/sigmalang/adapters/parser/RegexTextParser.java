package io.sigmalang.adapters.parser;

import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The oracle of the differential test: the regular-expression parser that {@link RuleBasedTextParser} replaced
 * (main at 1f4ae51), kept in the test sources unchanged but for its name and one fix, so that the single-pass
 * parser can be shown to give the same trees. It is slow on purpose: one regular expression per intent rule and
 * one {@code indexOf} scan per keyword.
 *
 * <p>The one fix (a bug of the old parser, not a documented choice): its look-behind {@code (?<![...])} looked at
 * a single UTF-16 unit, so a letter or digit outside the Basic Multilingual Plane (U+1D400 MATHEMATICAL BOLD
 * CAPITAL A, U+20000 a CJK ideograph) did not stop an intent or relation word after it (U+1D400 followed by
 * "to" held the word "to"), while entities, found with {@link String#codePointBefore}, were right. Java's regex engine
 * looks behind by code points when the pattern itself holds a supplementary character, so {@code B} now names
 * U+1D400 in its class; U+1D400 is a letter, so the class holds exactly the characters it held before.
 *
 * <p>The old description follows. The rule-based text parser of the shared spec's PARSER.md: an intent from
 * the first matching rule, entities from the keyword tables, relations between neighbouring entities from the
 * words between them.
 *
 * <p>Where this project departs from the reference, on purpose (see PARSER.md):
 * <ul>
 *   <li>Keywords match whole words only: a match may not be preceded or followed by a letter, a digit,
 *       {@code _} or {@code +} (so {@code for} is not found in "format", nor {@code c} in "c++").</li>
 *   <li>Each node appears exactly once: an entity that is the target of a relation hangs only under that
 *       relation, never again under the root.</li>
 * </ul>
 * Choices where the spec is silent: matching folds case for ASCII letters only; whitespace is what
 * {@link Character#isWhitespace(int)} says; "optionally a" also accepts "an"; "followed by a target" or
 * "by something" means followed by a space and another word; two neighbouring entities are related when the
 * text between them is shorter than {@value #RELATION_REACH} code points; an entity's value is the keyword as
 * the lexicon spells it (lower case); the ABSTRACT fallback holds the first 100 code points of the normalised
 * text as written.
 *
 * <p>Thread-safe and stateless after construction.
 */
public final class RegexTextParser implements TextParser {

    /** Entities whose in-between text is shorter than this many code points are related. */
    static final int RELATION_REACH = 50;

    /** Code points of the normalised text kept in the ABSTRACT fallback. */
    static final int ABSTRACT_LENGTH = 100;

    static final int TYPE = 0x18;
    static final int ABSTRACT = 0x0F;
    static final int ACTION = 0x01;
    static final int INSTRUMENT = 0x43;
    static final int SPATIAL = 0x06;
    static final int ATTRIBUTE = 0x03;
    static final int RELATION = 0x02;

    /**
     * Not preceded / followed by a word character (letter, digit, underscore or plus). The supplementary letter
     * U+1D400 in B's class changes no membership; it makes the engine look behind by code points (see above).
     */
    private static final String B = "(?<![\\p{L}\\p{Nd}_+\uD835\uDC00])";
    private static final String E = "(?![\\p{L}\\p{Nd}_+])";

    private record Rule(Intent intent, Pattern pattern) {
    }

    /** The intent rules in the order PARSER.md lists them; the first that matches wins. */
    private static final List<Rule> RULES = List.of(
            rule(Intent.CODE_REQUEST, B + "(?:create|write|make|build|implement) (?:an? )?(?:[^ ]+ )?(?:function|method|def)" + E),
            rule(Intent.CODE_REQUEST, B + "(?:create|write|make|build)" + E + ".*" + B + "class" + E),
            rule(Intent.CODE_REQUEST, B + "(?:sort|filter|map|reduce|search|find|validate|parse|convert|transform) [^ ]"),
            rule(Intent.CODE_REQUEST, B + "(?:fix|debug|repair|correct|resolve) [^ ]"),
            rule(Intent.QUERY, "^(?:what|how|why|when|where|which)" + E),
            rule(Intent.EXPLANATION, B + "(?:explain|describe|tell me about)" + E),
            rule(Intent.DEFINITION, B + "define" + E),
            rule(Intent.COMPARISON, B + "(?:compare|vs|versus)" + E),
            rule(Intent.MODIFICATION, B + "(?:fix|modify|change|update|edit)" + E),
            rule(Intent.COMMAND, B + "(?:create|make|build|generate|write)" + E));

    private record RelationRule(int primitive, Pattern pattern) {
    }

    private static final List<RelationRule> RELATION_RULES = List.of(
            new RelationRule(ACTION, Pattern.compile(B + "(?:to|into|for)" + E)),
            new RelationRule(INSTRUMENT, Pattern.compile(B + "(?:with|using|by)" + E)),
            new RelationRule(SPATIAL, Pattern.compile(B + "(?:in|on|at)" + E)),
            new RelationRule(ATTRIBUTE, Pattern.compile(B + "(?:that|which|who)" + E)));

    private static Rule rule(Intent intent, String regex) {
        return new Rule(intent, Pattern.compile(regex));
    }

    /** A keyword table in precedence order: when two entities start at the same place, the earlier wins. */
    private record Table(int rank, Map<String, Integer> keywords) {
    }

    private record Entity(int start, int end, int rank, int primitive, String keyword) {
    }

    private final List<Table> tables;

    /** A parser with the built-in lexicon. */
    public RegexTextParser() {
        this(Lexicon.builtIn());
    }

    /** A parser with the given keyword tables. */
    public RegexTextParser(Lexicon lexicon) {
        Objects.requireNonNull(lexicon, "lexicon");
        Map<String, Integer> languages = new java.util.LinkedHashMap<>();
        for (String language : lexicon.languages()) {
            languages.put(language.toLowerCase(java.util.Locale.ROOT), TYPE);
        }
        this.tables = List.of(
                new Table(0, languages),
                new Table(1, lexicon.code()),
                new Table(2, lexicon.structures()),
                new Table(3, lexicon.actions()));
    }

    @Override
    public SemanticTree parse(String text) {
        String normalised = normalise(text);
        String lower = asciiLowerCase(normalised);
        List<Entity> entities = entities(lower);
        List<SemanticNode> top = new ArrayList<>();
        if (entities.isEmpty()) {
            top.add(SemanticNode.leaf(ABSTRACT, firstCodePoints(normalised, ABSTRACT_LENGTH)));
        } else {
            int n = entities.size();
            // relation[i] links entity i to entity i + 1, or is -1 when they are not related.
            int[] relation = new int[n];
            for (int i = 0; i + 1 < n; i++) {
                String between = lower.substring(entities.get(i).end(), entities.get(i + 1).start());
                relation[i] = between.codePointCount(0, between.length()) < RELATION_REACH ? relationOf(between) : -1;
            }
            relation[n - 1] = -1;
            // Built from the last entity backwards, so each related target is complete before its source.
            SemanticNode[] nodes = new SemanticNode[n];
            for (int i = n - 1; i >= 0; i--) {
                Entity e = entities.get(i);
                nodes[i] = relation[i] < 0
                        ? SemanticNode.leaf(e.primitive(), e.keyword())
                        : SemanticNode.of(e.primitive(), e.keyword(), List.of(SemanticNode.of(relation[i], nodes[i + 1])));
            }
            for (int i = 0; i < n; i++) {
                if (i == 0 || relation[i - 1] < 0) {
                    top.add(nodes[i]);
                }
            }
        }
        SemanticNode root = SemanticNode.of(intentOf(lower).rootPrimitive(), null, top);
        return SemanticTree.parsedFrom(root, utf8Length(text));
    }

    /** The intent of a normalised, ASCII-lower-cased text. */
    static Intent intentOf(String lower) {
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(lower).find()) {
                return rule.intent();
            }
        }
        return Intent.STATEMENT;
    }

    private static int relationOf(String between) {
        for (RelationRule rule : RELATION_RULES) {
            if (rule.pattern().matcher(between).find()) {
                return rule.primitive();
            }
        }
        return RELATION;
    }

    private List<Entity> entities(String lower) {
        List<Entity> found = new ArrayList<>();
        for (Table table : tables) {
            for (Map.Entry<String, Integer> keyword : table.keywords().entrySet()) {
                int at = firstWholeWord(lower, keyword.getKey());
                if (at >= 0) {
                    found.add(new Entity(at, at + keyword.getKey().length(), table.rank(), keyword.getValue(),
                            keyword.getKey()));
                }
            }
        }
        found.sort(Comparator.comparingInt(Entity::start).thenComparingInt(Entity::rank));
        List<Entity> kept = new ArrayList<>(found.size());
        for (Entity e : found) {
            if (kept.isEmpty() || kept.get(kept.size() - 1).start() != e.start()) {
                kept.add(e);
            }
        }
        return kept;
    }

    /** The index of the first whole-word occurrence of {@code word} in {@code text}, or -1. */
    static int firstWholeWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean startsWord = at == 0 || !isWordChar(text.codePointBefore(at));
            boolean endsWord = end == text.length() || !isWordChar(text.codePointAt(end));
            if (startsWord && endsWord) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetter(cp) || Character.isDigit(cp) || cp == '_' || cp == '+';
    }

    /** Collapses every run of whitespace to one space and trims. */
    static String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** Lower-cases A..Z only, so that every index still points at the same character of the input. */
    private static String asciiLowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    static String firstCodePoints(String s, int count) {
        return s.codePointCount(0, s.length()) <= count ? s : s.substring(0, s.offsetByCodePoints(0, count));
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
