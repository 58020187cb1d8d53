package io.sigmalang.adapters.spark.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated conversations of chat messages, from a seed: repeated messages, near repeats and new ones, so that
 * every encoding path is taken (Σ-bank references for repeats, deltas for near repeats, the full form).
 */
public final class Conversations {
    private static final String[] OPENINGS = {"Write a Python function to sort a list", "hi there",
        "Explain how a hash map works", "What is the capital of France", "Fix the bug in my Java class",
        "Compare Rust vs Go for a web server", "Create a class for a bank account in Java",
        "Translate this sentence into French", "Define recursion", "How do I parse JSON in JavaScript"};
    private static final String[] TAILS = {"", " please", " with an example", " using a loop", " in two lines",
        " for a beginner", " quickly", " step by step"};

    /** One message of a conversation: its id, its seq (increasing within the conversation, with gaps), its text. */
    public record Message(String conversation, long seq, String text) {
    }

    private Conversations() {
    }

    /**
     * {@code count} conversations of {@code minMessages}..{@code maxMessages} messages each, conversation by
     * conversation, each in seq order (shuffle them to make a log).
     */
    public static List<Message> generate(long seed, int count, int minMessages, int maxMessages) {
        Random random = new Random(seed);
        List<Message> messages = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String id = "conv-" + seed + "-" + c;
            int n = minMessages + random.nextInt(maxMessages - minMessages + 1);
            long seq = random.nextInt(1000);
            List<String> said = new ArrayList<>();
            for (int m = 0; m < n; m++) {
                String text;
                int kind = random.nextInt(10);
                if (kind < 2 && !said.isEmpty()) {
                    text = said.get(random.nextInt(said.size()));
                } else if (kind < 5 && !said.isEmpty()) {
                    text = said.get(said.size() - 1) + TAILS[random.nextInt(TAILS.length)];
                } else {
                    text = OPENINGS[random.nextInt(OPENINGS.length)] + TAILS[random.nextInt(TAILS.length)]
                            + (random.nextInt(3) == 0 ? " #" + random.nextInt(50) : "");
                }
                said.add(text);
                messages.add(new Message(id, seq, text));
                seq += 1 + random.nextInt(5);
            }
        }
        return messages;
    }
}
