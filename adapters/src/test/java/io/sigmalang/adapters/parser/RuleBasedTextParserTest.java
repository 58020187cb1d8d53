package io.sigmalang.adapters.parser;

import static io.sigmalang.domain.tree.SemanticNode.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Expected trees are derived by hand from PARSER.md and lexicon.json; the comments give the derivation
 * (entity positions in the normalised text, the text between neighbours, the rule that fires).
 */
class RuleBasedTextParserTest {

    private static final int CREATE = 0x50;
    private static final int QUERY = 0x60;
    private static final int EXPLAIN = 0x64;
    private static final int DEFINE = 0x66;
    private static final int COMPARE = 0x57;
    private static final int MODIFY = 0x52;
    private static final int ACTION = 0x01;
    private static final int ASSERT = 0x61;
    private static final int RELATION = 0x02;
    private static final int INSTRUMENT = 0x43;
    private static final int SPATIAL = 0x06;
    private static final int ATTRIBUTE = 0x03;
    private static final int TYPE = 0x18;
    private static final int ABSTRACT = 0x0F;

    private final RuleBasedTextParser parser = new RuleBasedTextParser();

    private SemanticNode parse(String text) {
        return parser.parse(text).root();
    }

    /** An entity node holding a relation node that holds the target. */
    private static SemanticNode related(int primitive, String keyword, int relation, SemanticNode target) {
        return SemanticNode.of(primitive, keyword, List.of(SemanticNode.of(relation, target)));
    }

    private static SemanticNode root(int primitive, SemanticNode... children) {
        return SemanticNode.of(primitive, children);
    }

    @Test
    void codeRequestVerbLanguageFunctionWithAChainOfRelations() {
        // write@0 python@8 function@15 sort@27 list@34; between: " a ", " ", " to ", " a ".
        assertEquals(
                root(CREATE, related(0x50, "write", RELATION, related(TYPE, "python", RELATION,
                        related(0x10, "function", ACTION, related(0x5A, "sort", RELATION, leaf(0x70, "list")))))),
                parse("Write a Python function to sort a list"));
    }

    @Test
    void codeRequestVerbAndClass() {
        // create@0 class@9 for@15 (a code keyword, LOOP 0x13); " a " and " " give plain relations.
        assertEquals(
                root(CREATE, related(0x50, "create", RELATION, related(0x12, "class", RELATION, leaf(0x13, "for")))),
                parse("Create a class for users"));
    }

    @Test
    void codeRequestActionWordWithATarget() {
        // sort has a target; "numbers" is not the whole word "number".
        assertEquals(root(CREATE, leaf(0x5A, "sort")), parse("sort the numbers"));
    }

    @Test
    void codeRequestFixFollowedBySomething() {
        // debug is in no table: no entity, so the ABSTRACT fallback.
        assertEquals(root(CREATE, leaf(ABSTRACT, "debug this")), parse("debug this"));
    }

    @Test
    void query() {
        assertEquals(root(QUERY, leaf(0x72, "tree")), parse("What is a binary tree?"));
        // "what" not at the start, and "whatever" is not the word "what": statements.
        assertEquals(root(ASSERT, leaf(ABSTRACT, "So what is this")), parse("So what is this"));
        assertEquals(root(ASSERT, leaf(ABSTRACT, "Whatever works")), parse("Whatever works"));
    }

    @Test
    void explanationKeepsCommunicationWordsOutOfTheEntities() {
        assertEquals(root(EXPLAIN, leaf(ABSTRACT, "Please explain recursion")), parse("Please explain recursion"));
        assertEquals(root(EXPLAIN, leaf(ABSTRACT, "tell me about monads")), parse("tell me about monads"));
    }

    @Test
    void definition() {
        assertEquals(root(DEFINE, leaf(0x74, "stack")), parse("define a stack"));
    }

    @Test
    void comparison() {
        // python@0 rust@10, between " vs ": no relation word.
        assertEquals(root(COMPARE, related(TYPE, "python", RELATION, leaf(TYPE, "rust"))), parse("Python vs Rust"));
    }

    @Test
    void modification() {
        assertEquals(root(MODIFY, leaf(0x52, "update")), parse("update the docs"));
        // fix with nothing after it is no code request.
        assertEquals(root(MODIFY, leaf(0x52, "fix")), parse("please fix"));
    }

    @Test
    void command() {
        assertEquals(root(ACTION, leaf(0x50, "generate")), parse("generate tests"));
    }

    @Test
    void statement() {
        assertEquals(root(ASSERT, leaf(ABSTRACT, "It works on my machine")), parse("It works on my machine"));
    }

    @Test
    void instrumentRelation() {
        // sort@0 list@7 python@18: " a " then " using ".
        assertEquals(root(CREATE, related(0x5A, "sort", RELATION, related(0x70, "list", INSTRUMENT, leaf(TYPE, "python")))),
                parse("Sort a list using Python"));
    }

    @Test
    void spatialRelation() {
        assertEquals(root(ASSERT, related(0x13, "loop", SPATIAL, leaf(TYPE, "java"))), parse("It is a loop in Java"));
    }

    @Test
    void attributeRelation() {
        // "returns" is not the whole word "return".
        assertEquals(root(ASSERT, related(0x10, "function", ATTRIBUTE, leaf(0x70, "list"))),
                parse("I need a function that returns a list"));
    }

    @Test
    void relationsReachLessThanFiftyCodePoints() {
        String near = " " + "😀".repeat(47) + " "; // 49 code points, 96 UTF-16 units
        String far = " " + "😀".repeat(48) + " "; // 50 code points
        assertEquals(root(ASSERT, related(TYPE, "python", RELATION, leaf(TYPE, "java"))), parse("python" + near + "java"));
        assertEquals(root(ASSERT, leaf(TYPE, "python"), leaf(TYPE, "java")), parse("python" + far + "java"));
    }

    @Test
    void sameStartTheEarlierTableWins() {
        // map is a structure (0x71) and an action (0x5C): the structure table comes first.
        assertEquals(root(ASSERT, leaf(0x71, "map")), parse("use a map"));
        assertEquals(root(CREATE, leaf(0x71, "map")), parse("map the values"));
    }

    @Test
    void wholeWordsOnly() {
        // Neither "for" in "format" nor "in" in "string"; c is not found inside c++.
        assertEquals(root(ASSERT, leaf(0x78, "string")), parse("format the string"));
        assertEquals(root(ACTION, related(0x50, "write", RELATION, leaf(TYPE, "c++"))), parse("I write C++ code"));
    }

    @Test
    void eachKeywordOnceAtItsFirstOccurrence() {
        assertEquals(root(CREATE, leaf(0x5A, "sort")), parse("sort then sort again"));
    }

    @Test
    void normalisesWhitespaceAndCountsSourceBytesOfTheTextAsGiven() {
        SemanticTree tree = parser.parse("  hello\t\tworld \n");
        assertEquals(root(ASSERT, leaf(ABSTRACT, "hello world")), tree.root());
        assertEquals(OptionalInt.of(16), tree.sourceBytes());
    }

    @Test
    void theAbstractKeepsTheFirstHundredCodePoints() {
        SemanticTree tree = parser.parse("😀".repeat(150));
        assertEquals(root(ASSERT, leaf(ABSTRACT, "😀".repeat(100))), tree.root());
        assertEquals(OptionalInt.of(600), tree.sourceBytes());
        assertEquals(root(ASSERT, leaf(ABSTRACT, "")), parse(""));
    }

    @Test
    void aLetterOutsideTheBmpIsALetterForRelationWordsToo() {
        // U+1D400 (bold A, a letter) glued to "to" makes one word, not the word "to": no relation word between
        // list@0 and python, so a plain relation; the same with a BMP letter; an emoji is no letter, so "to" is.
        assertEquals(root(ASSERT, related(0x70, "list", RELATION, leaf(TYPE, "python"))),
                parse("list \uD835\uDC00to python"));
        assertEquals(root(ASSERT, related(0x70, "list", RELATION, leaf(TYPE, "python"))), parse("list éto python"));
        assertEquals(root(ASSERT, related(0x70, "list", ACTION, leaf(TYPE, "python"))), parse("list 😀to python"));
    }

    @Test
    void createAndClassMayNotBeSplitByANextLine() {
        // U+0085 is no whitespace (it stays) and stops "create ... class"; make is then only a COMMAND word.
        assertEquals(root(ACTION, related(0x50, "make", RELATION, leaf(0x12, "class"))), parse("make\u0085class"));
        assertEquals(root(CREATE, related(0x50, "make", RELATION, leaf(0x12, "class"))), parse("make: class"));
    }

    @Test
    void verbThenAtMostOneWordOrAnArticleAndOneWordBeforeTheFunction() {
        // write@0 function: " a quick " has no relation word. "a quick" is article + one word: a code request.
        assertEquals(root(CREATE, related(0x50, "write", RELATION, leaf(0x10, "function"))),
                parse("write a quick function"));
        // Two words, or "the" + one word, are too many: write is only a COMMAND word.
        assertEquals(root(ACTION, related(0x50, "write", RELATION, leaf(0x10, "function"))),
                parse("write a very quick function"));
        assertEquals(root(ACTION, related(0x50, "write", RELATION, leaf(0x10, "function"))),
                parse("write the quick function"));
        // The verb may follow punctuation; the word before the function may be any chunk without a space.
        assertEquals(root(CREATE, related(0x50, "write", RELATION, leaf(0x10, "function"))),
                parse("(write a foo-ish function)"));
    }

    @Test
    void aKeywordOfSeveralWords() {
        Lexicon builtIn = Lexicon.builtIn();
        java.util.Map<String, Integer> code = new java.util.LinkedHashMap<>(builtIn.code());
        code.put("ice cream", 0x31);
        RuleBasedTextParser withPhrases = new RuleBasedTextParser(
                new Lexicon(builtIn.actions(), builtIn.communication(), code, builtIn.structures(), builtIn.languages()));
        // ice cream@7 java@22, between " with ": an instrument; two spaces are one after normalising.
        SemanticNode expected = root(ASSERT, related(0x31, "ice cream", INSTRUMENT, leaf(TYPE, "java")));
        assertEquals(expected, withPhrases.parse("I like ice cream with java").root());
        assertEquals(expected, withPhrases.parse("I like ICE \t cream with java").root());
        assertEquals(root(ASSERT, leaf(TYPE, "java")), withPhrases.parse("I like ice creamy java").root());
    }

    @Test
    void overlappingKeywordsAreRelatedPlainly() {
        // Only a lexicon with a keyword inside another can do this ("c" inside "objective-c"): the old parser
        // failed on it (a negative substring). Here the text between them is empty: a plain relation.
        Lexicon builtIn = Lexicon.builtIn();
        java.util.Map<String, Integer> code = new java.util.LinkedHashMap<>(builtIn.code());
        code.put("objective-c", 0x30);
        RuleBasedTextParser withOverlap = new RuleBasedTextParser(
                new Lexicon(builtIn.actions(), builtIn.communication(), code, builtIn.structures(), builtIn.languages()));
        assertEquals(root(ASSERT, related(0x30, "objective-c", RELATION, leaf(TYPE, "c"))),
                withOverlap.parse("objective-c").root());
    }
}
