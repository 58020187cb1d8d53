package io.sigmalang.adapters.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded texts for the differential test, aimed at the places where a parser that cuts words by hand could
 * differ from one that uses regular expressions: every word of the lexicon and of the rules, near-misses
 * ("format", "c++", "for_", "in-place", "defs"), letters and digits of other scripts and outside the Basic
 * Multilingual Plane glued to keywords, punctuation, runs and kinds of whitespace (including U+0085, which is
 * no whitespace to Java but a line break to a regex dot, and U+00A0, which is neither), unpaired surrogates,
 * upper and mixed case, lengths from 0 to {@value #MAX_CODE_POINTS} code points.
 *
 * <p>Text {@code i} of seed {@code s} is always the same text: each text has its own generator, seeded from
 * {@code s} and {@code i}, so any failure is reproduced from its index alone.
 */
final class TextGenerator {

    static final int MAX_CODE_POINTS = 2_000;

    /** Words that sit next to keywords without being them, or look like rule words. */
    private static final List<String> NEAR_MISSES = List.of(
            "format", "c++", "for_", "in-place", "_for", "+for", "for+", "c#", "c+", "++c", "fortran", "classy",
            "classes", "defs", "define_", "definitely", "functions", "functional", "method()", "def:", "sorted",
            "sorting", "fixes", "fixed", "mapping", "maps", "whatever", "however", "somewhat", "hello", "world",
            "the", "this", "it", "of", "and", "or", "not", "is", "are", "please", "can", "you", "me", "tell",
            "about", "a", "an", "A", "AN", "vs.", "v.s.", "versus", "telling", "abouts", "intothe", "onto", "at_",
            "tо" /* Cyrillic о */, "ｆｏｒ" /* fullwidth */, "Σ", "ΣLANG", "naïve", "café", "straße", "x86", "2nd",
            "v2", "_", "+", "++", "--", "...", "e.g.", "i.e.", "it's", "don't", "node.js", ".net", "C#", "R", "GO",
            "Go", "goto", "rust-lang", "python3", "py", "js", "ts", "sql;", "list[int]", "dict{}", "map<k,v>",
            "tree/graph", "stack|queue", "\"string\"", "'number'", "`boolean`", "(array)", "[for]", "{if}",
            "<class>", "#define", "@param", "type:", "return;", "import*", "var=1", "loop\\n", "while(true)");

    /** Rule words and phrases, in their usual spelling. */
    private static final List<String> PHRASES = List.of(
            "tell me about", "write a function", "write an function", "create a python class", "make a class",
            "build a quick method", "implement a def", "write a rust function", "write a x y function",
            "sort the list", "fix the bug", "fix", "what is", "how do", "why", "when", "where", "which",
            "explain", "describe", "define", "compare", "vs", "versus", "modify", "change", "update", "edit",
            "debug this", "repair it", "correct that", "resolve", "parse", "convert to", "transform into",
            "to", "into", "for", "with", "using", "by", "in", "on", "at", "that", "which", "who");

    /** Characters that are letters or digits to Java, of other scripts, some outside the BMP. */
    private static final List<String> FOREIGN = List.of(
            "é", "ß", "Σ", "ж", "字", "ا", "ー", "\uD835\uDC00" /* U+1D400 bold A, Lu */,
            "\uD840\uDC00" /* U+20000, Lo */, "\uD835\uDFCE" /* U+1D7CE bold digit 0, Nd */,
            "\u0663" /* Arabic-Indic 3, Nd */, "\uFF17" /* fullwidth 7, Nd */, "\u00B2" /* superscript 2, No */,
            "\u0301" /* combining acute, Mn */, "\u2160" /* Roman numeral one, Nl */, "\u02B0" /* modifier h, Lm */);

    /** Characters that are neither letters nor digits nor whitespace. */
    private static final List<String> PUNCTUATION = List.of(
            ".", ",", ";", ":", "!", "?", "'", "\"", "(", ")", "[", "]", "{", "}", "-", "/", "\\", "#", "@", "*",
            "&", "%", "=", "<", ">", "|", "~", "^", "$", "`", "…", "—", "“", "”", "😀", "\u00A0" /* no-break */,
            "\u0085" /* NEL */, "\u200B" /* zero width space, Cf */, "\uFFFE", "\u0000", "\u007F",
            "\uD800" /* unpaired high surrogate */, "\uDC00" /* unpaired low surrogate */);

    /** Runs of whitespace, as Java's Character.isWhitespace sees it. */
    private static final List<String> WHITESPACE = List.of(
            " ", " ", " ", " ", "  ", "\t", "\n", "\r\n", " \t ", "\u000B", "\f", "\u001C", "\u2028", "\u2029",
            "\u3000", "\u1680", "\u2003", "   \n\n  ");

    private final long seed;
    private final List<String> words;

    /** Texts from {@code seed} with the words of {@code lexicon} and the given extra words. */
    TextGenerator(long seed, Lexicon lexicon, List<String> extraWords) {
        this.seed = seed;
        Set<String> all = new LinkedHashSet<>();
        all.addAll(lexicon.languages());
        all.addAll(lexicon.code().keySet());
        all.addAll(lexicon.structures().keySet());
        all.addAll(lexicon.actions().keySet());
        all.addAll(lexicon.communication().keySet());
        all.addAll(extraWords);
        this.words = new ArrayList<>(all);
    }

    /** Text number {@code index}. */
    String text(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int target = length(random);
        StringBuilder sb = new StringBuilder();
        int codePoints = 0;
        while (codePoints < target) {
            String piece = piece(random);
            sb.append(piece);
            codePoints += piece.codePointCount(0, piece.length());
            String separator = separator(random);
            sb.append(separator);
            codePoints += separator.codePointCount(0, separator.length());
        }
        // Cut at exactly the target length, in code points (a cut may leave a lone surrogate only where the
        // generator put one on purpose).
        String s = sb.toString();
        if (s.codePointCount(0, s.length()) > target) {
            s = s.substring(0, s.offsetByCodePoints(0, target));
        }
        return s;
    }

    /**
     * Mostly short texts, as chat messages are, with a long tail to the maximum: 3 % of 0-2 code points, 76 % of
     * 3-59, 20 % of 60-299, 1 % of 300-2,000 (mean about 83). The oracle's time grows faster than the length
     * (its "create ... class" rule backtracks over the rest of the text from every verb), and this mix keeps a
     * million texts within a CI run.
     */
    private static int length(SplittableRandom random) {
        int bucket = random.nextInt(100);
        if (bucket < 3) {
            return random.nextInt(3);
        } else if (bucket < 79) {
            return 3 + random.nextInt(57);
        } else if (bucket < 99) {
            return 60 + random.nextInt(240);
        }
        return 300 + random.nextInt(MAX_CODE_POINTS - 300 + 1);
    }

    private String piece(SplittableRandom random) {
        int kind = random.nextInt(100);
        String piece;
        if (kind < 45) {
            piece = words.get(random.nextInt(words.size()));
        } else if (kind < 65) {
            piece = PHRASES.get(random.nextInt(PHRASES.size()));
        } else if (kind < 85) {
            piece = NEAR_MISSES.get(random.nextInt(NEAR_MISSES.size()));
        } else if (kind < 92) {
            // A keyword glued to a foreign letter or digit on one side or both.
            String word = words.get(random.nextInt(words.size()));
            String before = random.nextBoolean() ? FOREIGN.get(random.nextInt(FOREIGN.size())) : "";
            String after = random.nextBoolean() || before.isEmpty() ? FOREIGN.get(random.nextInt(FOREIGN.size())) : "";
            piece = before + word + after;
        } else if (kind < 97) {
            piece = FOREIGN.get(random.nextInt(FOREIGN.size()));
        } else {
            piece = PUNCTUATION.get(random.nextInt(PUNCTUATION.size()));
        }
        return cased(piece, random);
    }

    private static String cased(String piece, SplittableRandom random) {
        int c = random.nextInt(10);
        if (c < 6) {
            return piece;
        } else if (c < 8) {
            return piece.isEmpty() ? piece : piece.substring(0, 1).toUpperCase(Locale.ROOT) + piece.substring(1);
        } else if (c < 9) {
            return piece.toUpperCase(Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder(piece.length());
        for (int i = 0; i < piece.length(); i++) {
            char ch = piece.charAt(i);
            sb.append(random.nextBoolean() ? Character.toUpperCase(ch) : ch);
        }
        return sb.toString();
    }

    private static String separator(SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 70) {
            return " ";
        } else if (kind < 80) {
            return WHITESPACE.get(random.nextInt(WHITESPACE.size()));
        } else if (kind < 90) {
            String p = PUNCTUATION.get(random.nextInt(PUNCTUATION.size()));
            return random.nextBoolean() ? p + " " : p;
        } else if (kind < 95) {
            return "";
        }
        return FOREIGN.get(random.nextInt(FOREIGN.size()));
    }
}
