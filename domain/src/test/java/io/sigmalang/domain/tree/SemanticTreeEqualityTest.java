package io.sigmalang.domain.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Round-trip tests rest on {@code assertEquals} of trees: these show that two different trees are unequal, in
 * every way trees can differ, and that equal trees built apart are equal.
 */
class SemanticTreeEqualityTest {

    private static SemanticNode sample(String leafValue) {
        return SemanticNode.of(0x50, SemanticNode.leaf(0x10, "f"),
                SemanticNode.of(0x20, null, List.of(SemanticNode.leaf(0x11, leafValue), SemanticNode.leaf(0x12))));
    }

    @Test
    void equalTreesBuiltApartAreEqual() {
        assertEquals(sample("x"), sample("x"));
        assertEquals(sample("x").hashCode(), sample("x").hashCode());
        assertEquals(SemanticTree.of(sample("x")), SemanticTree.of(sample("x")));
        assertEquals(SemanticTree.of(sample("x")), SemanticTree.parsedFrom(sample("x"), 99), "source size not compared");
    }

    @Test
    void treesThatDifferAnywhereAreUnequal() {
        SemanticNode base = sample("x");
        assertNotEquals(base, sample("y"), "a deep value");
        assertNotEquals(base, SemanticNode.of(0x51, base.children().get(0), base.children().get(1)), "the root's id");
        assertNotEquals(base, SemanticNode.of(0x50, base.children().get(0)), "a child fewer");
        assertNotEquals(base, SemanticNode.of(0x50, base.children().get(1), base.children().get(0)), "child order");
        assertNotEquals(SemanticNode.leaf(0x10), SemanticNode.leaf(0x10, ""), "no value is not an empty value");
        assertNotEquals(SemanticNode.leaf(0x10, "a"), SemanticNode.leaf(0x10, "b"));
        assertNotEquals(SemanticNode.leaf(0x10, "a"), SemanticNode.leaf(0x11, "a"));
        assertNotEquals(SemanticNode.leaf(0x10), "0x10");
        assertFalse(SemanticNode.leaf(0x10).equals(null));
        assertNotEquals(SemanticTree.of(base), SemanticTree.of(sample("y")));
        assertNotEquals(SemanticTree.of(base), base, "a tree is not its root node");
    }

    @Test
    void valuesAndShape() {
        assertFalse(SemanticNode.leaf(0x10).hasValue());
        assertTrue(SemanticNode.leaf(0x10, "").hasValue());
        assertEquals(null, SemanticNode.leaf(0x10).valueOrNull());
        assertTrue(SemanticNode.leaf(0x10).isLeaf());
        assertFalse(sample("x").isLeaf());
        // 0x50 [0x10, 0x20 [0x11, 0x12]]: 5 nodes, 2 composites, 3 levels.
        assertEquals(5, sample("x").nodeCount());
        assertEquals(2, sample("x").compositeCount());
        assertEquals(3, sample("x").depth());
        SemanticTree tree = SemanticTree.parsedFrom(sample("x"), 7);
        assertEquals(OptionalInt.of(7), tree.sourceBytes());
        assertEquals(OptionalInt.empty(), SemanticTree.of(sample("x")).sourceBytes());
        assertEquals(5, tree.nodeCount());
        assertEquals(3, tree.depth());
        assertEquals(List.of(0x10, 0x11, 0x12, 0x20, 0x50), java.util.Arrays.stream(tree.primitivesUsed().toArray())
                .boxed().toList());
        assertEquals(List.of(0x50, 0x10, 0x20, 0x11, 0x12), sample("x").preOrder().stream()
                .map(SemanticNode::primitive).toList());
    }

    @Test
    void toStringQuotesAndEscapesValues() {
        assertEquals("0x50[0x10=\"f\", 0x20[0x11=\"x\", 0x12]]", sample("x").toString());
        assertEquals("0x10=\"a\\\"b\\\\c\\u000a\\u007f\\u0085\\ud83d\\ude00\"",
                SemanticNode.leaf(0x10, "a\"b\\c\n\u007f\u0085\uD83D\uDE00").toString());
        assertEquals("0x10=\"\"", SemanticNode.leaf(0x10, "").toString());
    }
}
