package io.sigmalang.domain.testing;

import io.sigmalang.domain.tree.SemanticNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random trees for round-trip tests: any primitive, values from several scripts, varied shapes. */
public final class RandomTrees {
    private static final String[] WORDS = {"sort", "list", "python", "é", "naïve", "日本語", "🙂", "", "x", "a|b",
        "\u0000", "\uFFFE", "e\u0301", "function", "tree", "\t\n"};

    private final Random random;

    public RandomTrees(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A tree of about {@code maxNodes} nodes at most (and at least one). */
    public SemanticNode tree(int maxNodes) {
        int[] budget = {1 + random.nextInt(Math.max(1, maxNodes))};
        return node(budget, 0);
    }

    private SemanticNode node(int[] budget, int depth) {
        budget[0]--;
        int primitive = random.nextInt(256);
        String value = random.nextInt(3) == 0 ? null : value();
        List<SemanticNode> children = new ArrayList<>();
        int wanted = depth > 40 ? 0 : random.nextInt(4);
        for (int i = 0; i < wanted && budget[0] > 0; i++) {
            children.add(node(budget, depth + 1));
        }
        if (children.isEmpty() && primitive == 0x0B && value == null) {
            value = "";
        }
        return SemanticNode.of(primitive, value, children);
    }

    public String value() {
        StringBuilder sb = new StringBuilder();
        int words = random.nextInt(4);
        for (int i = 0; i < words; i++) {
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextInt(10) == 0) {
            sb.append(Character.toChars(0x10000 + random.nextInt(0xFFFFF)));
        }
        return sb.toString();
    }

    /** A copy of {@code tree} with one node's value or primitive changed, or a leaf added or removed. */
    public SemanticNode mutate(SemanticNode tree) {
        List<SemanticNode> nodes = tree.preOrder();
        SemanticNode target = nodes.get(random.nextInt(nodes.size()));
        SemanticNode replacement = switch (random.nextInt(3)) {
            case 0 -> SemanticNode.of(target.primitive(), value(), target.children());
            case 1 -> {
                List<SemanticNode> kids = new ArrayList<>(target.children());
                kids.add(SemanticNode.leaf(random.nextInt(0x0B), value()));
                yield SemanticNode.of(target.primitive(), target.valueOrNull(), kids);
            }
            default -> SemanticNode.of((target.primitive() + 1) % 256 == 0x0B && target.isLeaf()
                    && !target.hasValue() ? 0x0C : (target.primitive() + 1) % 256, target.valueOrNull(),
                    target.children());
        };
        return replace(tree, target, replacement);
    }

    private static SemanticNode replace(SemanticNode node, SemanticNode target, SemanticNode replacement) {
        if (node == target) {
            return replacement;
        }
        List<SemanticNode> kids = new ArrayList<>();
        boolean changed = false;
        for (SemanticNode c : node.children()) {
            SemanticNode r = replace(c, target, replacement);
            changed |= r != c;
            kids.add(r);
        }
        return changed ? SemanticNode.of(node.primitive(), node.valueOrNull(), kids) : node;
    }
}
