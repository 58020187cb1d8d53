package io.sigmalang.adapters.parser;

import io.sigmalang.adapters.parser.Vocabulary.Keyword;
import io.sigmalang.adapters.parser.Vocabulary.Word;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The rule-based text parser of the shared spec's PARSER.md: an intent from the first matching rule, entities
 * from the keyword tables, relations between neighbouring entities from the words between them.
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
 * text as written. In "create ... class" the gap may hold anything but U+0085 NEXT LINE (the one line break
 * left after normalising; the regular expression this parser replaced stopped its {@code .*} there).
 *
 * <h2>How: one pass over the message</h2>
 * The parser reads the text once, character by character. In that pass it normalises whitespace into a
 * buffer, counts UTF-8 bytes and code points, cuts the text into words (maximal runs of word characters), and
 * looks each word up in one hash table ({@link Vocabulary}). A word's flags feed the intent rules as it goes:
 * each rule is a condition on words and the single spaces between them (the first word of the text; a word
 * followed by a space; a word that starts one of the next three space-separated chunks after a verb; ...).
 * Words that begin a keyword or belong to a relation rule are noted with their positions. A second, short
 * step walks those notes only: the first occurrence of each keyword (a keyword of several words is confirmed
 * against the buffer), the earlier table at a shared position, the relation rule of the words between
 * neighbouring entities, and the tree. Nothing on this path uses a regular expression or scans the text per
 * keyword; it allocates the tree, the buffer and a few small arrays.
 *
 * <p>The regular-expression parser this one replaced is kept in the test sources as the oracle of a
 * differential test over the spec's examples, the shipped corpora and a million generated texts.
 *
 * <p>Thread-safe and stateless after construction.
 */
public final class RuleBasedTextParser implements TextParser {

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

    /** The relation primitive of each relation rank (index 1..4), in PARSER.md's order; 0 is "no rule". */
    private static final int[] RELATION_PRIMITIVES = {RELATION, ACTION, INSTRUMENT, SPATIAL, ATTRIBUTE};

    private static final byte OTHER = 0;
    private static final byte WORD = 1;
    private static final byte SPACE = 2;

    /** What each ASCII character is: whitespace as {@link Character#isWhitespace(int)} says, a word character, or other. */
    private static final byte[] ASCII_KIND = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_KIND[c] = Character.isWhitespace(c) ? SPACE : Vocabulary.isWordChar(c) ? WORD : OTHER;
        }
    }

    private final Vocabulary vocabulary;

    /** A parser with the built-in lexicon. */
    public RuleBasedTextParser() {
        this(Lexicon.builtIn());
    }

    /** A parser with the given keyword tables. */
    public RuleBasedTextParser(Lexicon lexicon) {
        Objects.requireNonNull(lexicon, "lexicon");
        Map<String, Integer> languages = new LinkedHashMap<>();
        for (String language : lexicon.languages()) {
            languages.put(language.toLowerCase(Locale.ROOT), TYPE);
        }
        this.vocabulary = new Vocabulary(List.of(languages, lexicon.code(), lexicon.structures(), lexicon.actions()),
                ruleWords(), relationWords());
    }

    /** The words of the intent rules of PARSER.md, with their roles. */
    private static Map<String, Integer> ruleWords() {
        Map<String, Integer> flags = new LinkedHashMap<>();
        add(flags, Vocabulary.VERB_CODE, "create", "write", "make", "build", "implement");
        add(flags, Vocabulary.VERB_CLASS, "create", "write", "make", "build");
        add(flags, Vocabulary.CLASS, "class");
        add(flags, Vocabulary.CODE_UNIT, "function", "method", "def");
        add(flags, Vocabulary.ARTICLE, "a", "an");
        add(flags, Vocabulary.CODE_ACTION, "sort", "filter", "map", "reduce", "search", "find", "validate", "parse",
                "convert", "transform");
        add(flags, Vocabulary.REPAIR, "fix", "debug", "repair", "correct", "resolve");
        add(flags, Vocabulary.QUESTION, "what", "how", "why", "when", "where", "which");
        add(flags, Vocabulary.EXPLAIN, "explain", "describe");
        add(flags, Vocabulary.TELL, "tell");
        add(flags, Vocabulary.ME, "me");
        add(flags, Vocabulary.ABOUT, "about");
        add(flags, Vocabulary.DEFINE, "define");
        add(flags, Vocabulary.COMPARE, "compare", "vs", "versus");
        add(flags, Vocabulary.MODIFY, "fix", "modify", "change", "update", "edit");
        add(flags, Vocabulary.COMMAND, "create", "make", "build", "generate", "write");
        return flags;
    }

    /** The words of the relation rules of PARSER.md, with the rank of their rule (1 is tried first). */
    private static Map<String, Integer> relationWords() {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        add(ranks, 1, "to", "into", "for");
        add(ranks, 2, "with", "using", "by");
        add(ranks, 3, "in", "on", "at");
        add(ranks, 4, "that", "which", "who");
        return ranks;
    }

    private static void add(Map<String, Integer> map, int bits, String... words) {
        for (String w : words) {
            map.merge(w, bits, (a, b) -> a | b);
        }
    }

    @Override
    public SemanticTree parse(String text) {
        Objects.requireNonNull(text, "text");
        Scan scan = new Scan(vocabulary, text.length());
        scan.read(text);
        return SemanticTree.parsedFrom(scan.tree(), scan.utf8Bytes);
    }

    /**
     * One message on its way through the parser: the pass over the text ({@link #read}), then the entities,
     * relations and tree ({@link #tree}). Lives for one call.
     */
    private static final class Scan {
        private final Vocabulary vocabulary;

        /** The normalised text: whitespace runs as one space, trimmed. */
        final char[] buf;
        int length;
        int codePoints;
        /** The end in {@link #buf} of the first ABSTRACT_LENGTH (100) code points, or -1 while fewer. */
        int abstractEnd = -1;
        int utf8Bytes;

        // The word being read, then (until the character after it is known) the word just read.
        boolean inWord;
        int wordStart;
        int wordEnd;
        int wordCodePoint;
        int wordHash;
        int wordChunk;

        /** Space-separated chunks before the current position. */
        int chunk;
        /** By chunk modulo 4: a create/write/make/build/implement word ends that chunk, followed by a space. */
        final boolean[] verbEndsChunk = new boolean[4];
        /** By chunk modulo 4: the chunk is exactly "a" or "an". */
        final boolean[] articleChunk = new boolean[4];
        /** A create/write/make/build word since the start or the last U+0085. */
        boolean classVerbSeen;
        /** Where "me" must start to continue "tell me about", and where "about" must; -1 when not expected. */
        int meAt = -1;
        int aboutAt = -1;

        boolean codeRequest;
        boolean query;
        boolean explanation;
        boolean definition;
        boolean comparison;
        boolean modification;
        boolean command;

        // Words noted for the second step: keyword beginnings and relation words, in text order.
        int notes;
        int[] noteStart = new int[8];
        int[] noteEnd = new int[8];
        int[] noteCodePoint = new int[8];
        Word[] noteWord = new Word[8];

        Scan(Vocabulary vocabulary, int capacity) {
            this.vocabulary = vocabulary;
            this.buf = new char[capacity];
        }

        /** The single pass over the text. */
        void read(String text) {
            int n = text.length();
            boolean pendingSpace = false;
            int bytes = 0;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                int cp = c;
                int units = 1;
                boolean word;
                if (c < 0x80) {
                    bytes++;
                    byte kind = ASCII_KIND[c];
                    if (kind == SPACE) {
                        if (inWord) {
                            endWord();
                        }
                        pendingSpace = length > 0;
                        continue;
                    }
                    word = kind == WORD;
                } else {
                    if (c < 0x800) {
                        bytes += 2;
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        bytes += 4;
                        cp = Character.toCodePoint(c, text.charAt(i + 1));
                        units = 2;
                    } else if (Character.isSurrogate(c)) {
                        bytes++; // an unpaired surrogate: String.getBytes(UTF_8) writes one '?'
                    } else {
                        bytes += 3;
                    }
                    if (units == 1 && Character.isWhitespace(c)) {
                        if (inWord) {
                            endWord();
                        }
                        pendingSpace = length > 0;
                        continue;
                    }
                    word = Vocabulary.isWordChar(cp);
                }
                if (pendingSpace) {
                    pendingSpace = false;
                    if (!inWord && wordEnd > 0) {
                        settleWord(true);
                    }
                    append(' ');
                    if (++codePoints == ABSTRACT_LENGTH) {
                        abstractEnd = length;
                    }
                    chunk++;
                    verbEndsChunk[chunk & 3] = false;
                    articleChunk[chunk & 3] = false;
                }
                if (word) {
                    if (!inWord) {
                        if (wordEnd > 0) {
                            settleWord(false);
                        }
                        inWord = true;
                        wordStart = length;
                        wordCodePoint = codePoints;
                        wordHash = 0;
                        wordChunk = chunk;
                    }
                    wordHash = Vocabulary.step(wordHash, Vocabulary.lowerAscii(c));
                    if (units == 2) {
                        wordHash = Vocabulary.step(wordHash, text.charAt(i + 1));
                    }
                } else {
                    if (inWord) {
                        endWord();
                    }
                    if (wordEnd > 0) {
                        settleWord(false);
                    }
                    if (cp == 0x85) {
                        classVerbSeen = false;
                    }
                }
                append(c);
                if (units == 2) {
                    append(text.charAt(++i));
                }
                if (++codePoints == ABSTRACT_LENGTH) {
                    abstractEnd = length;
                }
            }
            if (inWord) {
                endWord();
            }
            if (wordEnd > 0) {
                settleWord(false);
            }
            utf8Bytes = bytes;
        }


        private void append(char c) {
            buf[length++] = c;
        }

        /** The word being read ends here; what follows it is settled by {@link #settleWord}. */
        private void endWord() {
            inWord = false;
            wordEnd = length;
        }

        /**
         * Applies the rules to the word just read, now that we know whether a space follows it. {@code wordEnd}
         * is reset to 0 to say that no word waits (a word never ends at 0).
         */
        private void settleWord(boolean spaceAfter) {
            int start = wordStart;
            int end = wordEnd;
            wordEnd = 0;
            Word word = vocabulary.lookup(buf, start, end, Vocabulary.spread(wordHash));
            if (word == null) {
                return;
            }
            int f = word.flags();
            if (f != 0) {
                intentRules(f, start, end, spaceAfter);
            }
            if (word.keywords().length > 0 || word.relation() != Vocabulary.RELATION_NONE) {
                note(start, end, word);
            }
        }

        private void intentRules(int f, int start, int end, boolean spaceAfter) {
            boolean startsChunk = start > 0 && buf[start - 1] == ' ';
            // CODE_REQUEST: "create|write|make|build|implement (a |an )?([^ ]+ )?(function|method|def)": the
            // code word starts the first, second, or (after "a"/"an") third chunk after the verb's chunk.
            if (spaceAfter && (f & Vocabulary.VERB_CODE) != 0) {
                verbEndsChunk[wordChunk & 3] = true;
            }
            if (spaceAfter && startsChunk && (f & Vocabulary.ARTICLE) != 0) {
                articleChunk[wordChunk & 3] = true;
            }
            if (startsChunk && (f & Vocabulary.CODE_UNIT) != 0) {
                int c = wordChunk;
                if ((c >= 1 && verbEndsChunk[(c - 1) & 3]) || (c >= 2 && verbEndsChunk[(c - 2) & 3])
                        || (c >= 3 && verbEndsChunk[(c - 3) & 3] && articleChunk[(c - 2) & 3])) {
                    codeRequest = true;
                }
            }
            // CODE_REQUEST: "create|write|make|build ... class", the gap without U+0085.
            if ((f & Vocabulary.VERB_CLASS) != 0) {
                classVerbSeen = true;
            }
            if ((f & Vocabulary.CLASS) != 0 && classVerbSeen) {
                codeRequest = true;
            }
            // CODE_REQUEST: a code action or a repair word followed by something.
            if (spaceAfter && (f & (Vocabulary.CODE_ACTION | Vocabulary.REPAIR)) != 0) {
                codeRequest = true;
            }
            if (start == 0 && (f & Vocabulary.QUESTION) != 0) {
                query = true;
            }
            if ((f & Vocabulary.EXPLAIN) != 0) {
                explanation = true;
            }
            if ((f & Vocabulary.TELL) != 0) {
                meAt = spaceAfter ? end + 1 : -1;
            }
            if ((f & Vocabulary.ME) != 0) {
                aboutAt = spaceAfter && start == meAt ? end + 1 : -1;
            }
            if ((f & Vocabulary.ABOUT) != 0 && start == aboutAt) {
                explanation = true;
            }
            definition |= (f & Vocabulary.DEFINE) != 0;
            comparison |= (f & Vocabulary.COMPARE) != 0;
            modification |= (f & Vocabulary.MODIFY) != 0;
            command |= (f & Vocabulary.COMMAND) != 0;
        }

        private void note(int start, int end, Word word) {
            if (notes == noteStart.length) {
                int size = notes * 2;
                noteStart = Arrays.copyOf(noteStart, size);
                noteEnd = Arrays.copyOf(noteEnd, size);
                noteCodePoint = Arrays.copyOf(noteCodePoint, size);
                noteWord = Arrays.copyOf(noteWord, size);
            }
            noteStart[notes] = start;
            noteEnd[notes] = end;
            noteCodePoint[notes] = wordCodePoint;
            noteWord[notes] = word;
            notes++;
        }

        Intent intent() {
            if (codeRequest) {
                return Intent.CODE_REQUEST;
            } else if (query) {
                return Intent.QUERY;
            } else if (explanation) {
                return Intent.EXPLANATION;
            } else if (definition) {
                return Intent.DEFINITION;
            } else if (comparison) {
                return Intent.COMPARISON;
            } else if (modification) {
                return Intent.MODIFICATION;
            } else if (command) {
                return Intent.COMMAND;
            }
            return Intent.STATEMENT;
        }

        // The entities: start and end in buf and in code points, and the keyword.
        int entities;
        int[] entityStart;
        int[] entityEnd;
        int[] entityCodePoint;
        int[] entityCodePointEnd;
        Keyword[] entityKeyword;

        /** The tree: intent root, entities with their relations, or the ABSTRACT fallback. */
        SemanticNode tree() {
            findEntities();
            List<SemanticNode> top = new ArrayList<>();
            int n = entities;
            if (n == 0) {
                int end = abstractEnd < 0 ? length : abstractEnd;
                top.add(SemanticNode.leaf(ABSTRACT, new String(buf, 0, end)));
            } else {
                // relation[i] links entity i to entity i + 1, or is -1 when they are not related.
                int[] relation = new int[n];
                for (int i = 0; i + 1 < n; i++) {
                    int gap = entityCodePoint[i + 1] - entityCodePointEnd[i];
                    relation[i] = gap < RELATION_REACH ? relationBetween(entityEnd[i], entityStart[i + 1]) : -1;
                }
                relation[n - 1] = -1;
                // Built from the last entity backwards, so each related target is complete before its source.
                SemanticNode[] nodes = new SemanticNode[n];
                for (int i = n - 1; i >= 0; i--) {
                    Keyword k = entityKeyword[i];
                    nodes[i] = relation[i] < 0
                            ? SemanticNode.leaf(k.primitive(), k.text())
                            : SemanticNode.of(k.primitive(), k.text(),
                                    List.of(SemanticNode.of(relation[i], nodes[i + 1])));
                }
                for (int i = 0; i < n; i++) {
                    if (i == 0 || relation[i - 1] < 0) {
                        top.add(nodes[i]);
                    }
                }
            }
            return SemanticNode.of(intent().rootPrimitive(), null, top);
        }

        /** The relation primitive for the text between {@code from} and {@code to}: the first rule with a word there. */
        private int relationBetween(int from, int to) {
            int rank = Integer.MAX_VALUE;
            for (int k = firstNoteFrom(from); k < notes && noteStart[k] < to; k++) {
                int r = noteWord[k].relation();
                if (r != Vocabulary.RELATION_NONE && noteEnd[k] <= to && r < rank) {
                    rank = r;
                }
            }
            return RELATION_PRIMITIVES[rank == Integer.MAX_VALUE ? 0 : rank];
        }

        private int firstNoteFrom(int position) {
            int lo = 0;
            int hi = notes;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (noteStart[mid] < position) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /**
         * Each keyword at its first occurrence; at one position the earliest keyword (table, then table order)
         * is the entity and the others are used up. Entities end up sorted by position.
         */
        private void findEntities() {
            int capacity = Math.min(notes, vocabulary.keywordCount()) + vocabulary.irregular().size();
            entityStart = new int[capacity];
            entityEnd = new int[capacity];
            entityCodePoint = new int[capacity];
            entityCodePointEnd = new int[capacity];
            entityKeyword = new Keyword[capacity];
            boolean[] used = null;
            for (int k = 0; k < notes; k++) {
                Keyword[] candidates = noteWord[k].keywords();
                if (candidates.length == 0) {
                    continue;
                }
                if (used == null) {
                    used = new boolean[vocabulary.keywordCount()];
                }
                int start = noteStart[k];
                Keyword best = null;
                int bestEnd = 0;
                for (Keyword candidate : candidates) {
                    if (used[candidate.id()]) {
                        continue;
                    }
                    int end = candidate.oneWord() ? noteEnd[k] : matchedEnd(start, candidate.text());
                    if (end < 0) {
                        continue;
                    }
                    used[candidate.id()] = true;
                    if (best == null) {
                        best = candidate;
                        bestEnd = end;
                    }
                }
                if (best != null) {
                    int cp = noteCodePoint[k];
                    add(start, bestEnd, cp, cp + best.codePoints(), best);
                }
            }
            if (!vocabulary.irregular().isEmpty()) {
                addIrregular();
            }
        }

        private void add(int start, int end, int codePoint, int codePointEnd, Keyword keyword) {
            entityStart[entities] = start;
            entityEnd[entities] = end;
            entityCodePoint[entities] = codePoint;
            entityCodePointEnd[entities] = codePointEnd;
            entityKeyword[entities] = keyword;
            entities++;
        }

        /** The end of {@code keyword} matched as whole words at {@code start} (A..Z folded), or -1. */
        private int matchedEnd(int start, String keyword) {
            int end = start + keyword.length();
            if (end > length) {
                return -1;
            }
            for (int i = 0; i < keyword.length(); i++) {
                if (Vocabulary.lowerAscii(buf[start + i]) != keyword.charAt(i)) {
                    return -1;
                }
            }
            return end == length || !Vocabulary.isWordChar(Character.codePointAt(buf, end, length)) ? end : -1;
        }

        /**
         * Keywords that do not start and end with a word character (none in the built-in lexicon): found by a
         * scan each, merged by position and precedence, one entity per position.
         */
        private void addIrregular() {
            for (Keyword keyword : vocabulary.irregular()) {
                int at = firstWholeWord(keyword.text());
                if (at >= 0) {
                    int cp = Character.codePointCount(buf, 0, at);
                    add(at, at + keyword.text().length(), cp, cp + keyword.codePoints(), keyword);
                }
            }
            // Insertion sort by (start, precedence), then one entity per start.
            for (int i = 1; i < entities; i++) {
                for (int j = i; j > 0 && before(j, j - 1); j--) {
                    swap(j, j - 1);
                }
            }
            int kept = 0;
            for (int i = 0; i < entities; i++) {
                if (kept == 0 || entityStart[kept - 1] != entityStart[i]) {
                    if (kept != i) {
                        swap(kept, i);
                    }
                    kept++;
                }
            }
            entities = kept;
        }

        private boolean before(int a, int b) {
            return entityStart[a] != entityStart[b] ? entityStart[a] < entityStart[b]
                    : entityKeyword[a].id() < entityKeyword[b].id();
        }

        private void swap(int a, int b) {
            int s = entityStart[a];
            entityStart[a] = entityStart[b];
            entityStart[b] = s;
            int e = entityEnd[a];
            entityEnd[a] = entityEnd[b];
            entityEnd[b] = e;
            int c = entityCodePoint[a];
            entityCodePoint[a] = entityCodePoint[b];
            entityCodePoint[b] = c;
            int d = entityCodePointEnd[a];
            entityCodePointEnd[a] = entityCodePointEnd[b];
            entityCodePointEnd[b] = d;
            Keyword k = entityKeyword[a];
            entityKeyword[a] = entityKeyword[b];
            entityKeyword[b] = k;
        }

        /** The first whole-word occurrence of {@code keyword} in the normalised text (A..Z folded), or -1. */
        private int firstWholeWord(String keyword) {
            int last = length - keyword.length();
            for (int at = 0; at <= last; at++) {
                boolean startsWord = at == 0 || !Vocabulary.isWordChar(Character.codePointBefore(buf, at));
                if (startsWord && matchedEnd(at, keyword) >= 0) {
                    return at;
                }
            }
            return -1;
        }
    }
}
