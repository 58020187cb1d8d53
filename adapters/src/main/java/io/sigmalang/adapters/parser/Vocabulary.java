package io.sigmalang.adapters.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word the parser reacts to, found by one hash lookup per word of a message: the words of the intent
 * rules and the relation rules (as flags), and the keywords that begin with the word (entity candidates).
 *
 * <p>A word here is what PARSER.md's whole-word rule makes one: a maximal run of word characters (letters,
 * decimal digits, {@code _}, {@code +}; see {@link #isWordChar}). A keyword of several words ("ice cream",
 * "in-place") is filed under its first word and confirmed against the text that follows. A keyword that does
 * not start and end with a word character (none in the built-in lexicon) cannot be filed under a word; it is
 * kept aside as an {@link #irregular()} keyword and found by a scan.
 *
 * <p>The table is open addressing over the words' characters, so a lookup reads the message's own buffer
 * and allocates nothing. Immutable after construction.
 */
final class Vocabulary {

    // Roles of a word in the intent rules of PARSER.md (see RuleBasedTextParser for how each is used).
    static final int VERB_CODE = 1;         // create write make build implement: "... function/method/def"
    static final int VERB_CLASS = 1 << 1;   // create write make build: "... class"
    static final int CLASS = 1 << 2;
    static final int CODE_UNIT = 1 << 3;    // function method def
    static final int ARTICLE = 1 << 4;      // a an
    static final int CODE_ACTION = 1 << 5;  // sort filter map reduce search find validate parse convert transform
    static final int REPAIR = 1 << 6;       // fix debug repair correct resolve
    static final int QUESTION = 1 << 7;     // what how why when where which, at the start
    static final int EXPLAIN = 1 << 8;      // explain describe
    static final int TELL = 1 << 9;         // "tell me about"
    static final int ME = 1 << 10;
    static final int ABOUT = 1 << 11;
    static final int DEFINE = 1 << 12;
    static final int COMPARE = 1 << 13;     // compare vs versus
    static final int MODIFY = 1 << 14;      // fix modify change update edit
    static final int COMMAND = 1 << 15;     // create make build generate write

    /** Relation words, by the rank of their rule (the first rule in PARSER.md's order wins). */
    static final int RELATION_NONE = 0;

    /**
     * A keyword of the lexicon.
     *
     * @param id        its precedence: tables in rank order, then table order; lower wins at one position
     * @param primitive the entity's primitive
     * @param text      the keyword as the lexicon spells it, the entity's value
     * @param codePoints its length in code points
     * @param oneWord   whether it is a single word (else the text after its first word must be confirmed)
     */
    record Keyword(int id, int primitive, String text, int codePoints, boolean oneWord) {
    }

    /**
     * What one word means to the parser.
     *
     * @param flags    its roles in the intent rules
     * @param relation the rank (1..4) of the relation rule it belongs to, or 0
     * @param keywords keywords that begin with this word, by precedence
     */
    record Word(int flags, int relation, Keyword[] keywords) {
    }

    private final char[][] keys;
    private final Word[] words;
    private final int mask;
    private final int longest;
    private final int keywordCount;
    private final List<Keyword> irregular;

    /**
     * @param tables  keyword tables in precedence order (keyword to primitive)
     * @param flags   intent-rule roles by word
     * @param relations relation rank (1..4) by word
     */
    Vocabulary(List<Map<String, Integer>> tables, Map<String, Integer> flags, Map<String, Integer> relations) {
        Map<String, Integer> flagOf = new LinkedHashMap<>(flags);
        Map<String, List<Keyword>> keywordsOf = new LinkedHashMap<>();
        List<Keyword> odd = new ArrayList<>();
        int id = 0;
        for (Map<String, Integer> table : tables) {
            for (Map.Entry<String, Integer> e : table.entrySet()) {
                String text = e.getKey();
                int firstWordEnd = firstWordEnd(text);
                boolean regular = firstWordEnd > 0 && isWordChar(text.codePointBefore(text.length()));
                Keyword keyword = new Keyword(id++, e.getValue(), text, text.codePointCount(0, text.length()),
                        firstWordEnd == text.length());
                if (regular) {
                    keywordsOf.computeIfAbsent(text.substring(0, firstWordEnd), k -> new ArrayList<>()).add(keyword);
                } else {
                    odd.add(keyword);
                }
            }
        }
        this.keywordCount = id;
        this.irregular = List.copyOf(odd);
        List<String> all = new ArrayList<>(flagOf.keySet());
        for (String w : relations.keySet()) {
            if (!flagOf.containsKey(w)) {
                all.add(w);
            }
        }
        for (String w : keywordsOf.keySet()) {
            if (!all.contains(w)) {
                all.add(w);
            }
        }
        // At most one slot in eight used: a word that is not in the table (most words) meets an empty slot at once.
        int size = Integer.highestOneBit(Math.max(8, all.size() * 8) - 1) << 1;
        this.keys = new char[size][];
        this.words = new Word[size];
        this.mask = size - 1;
        int max = 0;
        for (String w : all) {
            char[] key = w.toCharArray();
            int slot = hash(key, 0, key.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            words[slot] = new Word(flagOf.getOrDefault(w, 0), relations.getOrDefault(w, RELATION_NONE),
                    keywordsOf.getOrDefault(w, List.of()).toArray(new Keyword[0]));
            max = Math.max(max, key.length);
        }
        this.longest = max;
    }

    /** Keywords in all tables, so ids run from 0 to this count, exclusive. */
    int keywordCount() {
        return keywordCount;
    }

    /** Keywords that do not start and end with a word character, by precedence; found by scanning. */
    List<Keyword> irregular() {
        return irregular;
    }

    /**
     * The word {@code text[from, to)} with A..Z read as a..z, or {@code null}; {@code hash} is
     * {@link #spread} of the {@link #step} hash of those lower-cased characters.
     */
    Word lookup(char[] text, int from, int to, int hash) {
        int length = to - from;
        if (length > longest) {
            return null;
        }
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (key == null) {
                return null;
            }
            if (key.length == length && sameLowerCase(text, from, key)) {
                return words[slot];
            }
        }
    }

    private static boolean sameLowerCase(char[] text, int from, char[] key) {
        for (int i = 0; i < key.length; i++) {
            if (lowerAscii(text[from + i]) != key[i]) {
                return false;
            }
        }
        return true;
    }

    /** The hash of a word: this step over each character, from 0. */
    static int step(int hash, char lowerCased) {
        return 31 * hash + lowerCased;
    }

    private static int hash(char[] key, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = step(h, key[i]);
        }
        return spread(h);
    }

    /**
     * Mixes a finished {@link #step} hash so that every bit counts in the low ones that pick the slot (the
     * finaliser of MurmurHash3: short words differ in few bits of a polynomial hash).
     */
    static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    /** A..Z as a..z; every other character as it is (the spec's case folding is ASCII only). */
    static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** A word character: a letter, a decimal digit, {@code _} or {@code +}. */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_'
                    || cp == '+';
        }
        return Character.isLetter(cp) || Character.isDigit(cp);
    }

    /** The end of the first word of {@code text} when it starts with one, else 0. */
    private static int firstWordEnd(String text) {
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }
}
