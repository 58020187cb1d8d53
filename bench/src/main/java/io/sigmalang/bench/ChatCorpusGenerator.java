package io.sigmalang.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a big chat corpus for whole-process runs, reproducibly: each message is a random walk over the word
 * pairs of the shipped corpus ({@value Corpus#SHIPPED_RESOURCE}, CC0), from a message start to a message end
 * (at most {@value #MAX_WORDS} words), so it reads like the developer chat it was drawn from and uses the same
 * vocabulary, without repeating its lines. The same seed and count give the same bytes.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.sigmalang.bench.ChatCorpusGenerator 1000000 10 /tmp/chat-1m.txt</pre>
 */
public final class ChatCorpusGenerator {
    static final int MAX_WORDS = 60;
    private static final String START = "";
    private static final String END = "\n";

    private final Map<String, List<String>> next = new HashMap<>();

    ChatCorpusGenerator(List<String> messages) {
        for (String message : messages) {
            String previous = START;
            for (String word : message.trim().split(" +")) {
                if (!word.isEmpty()) {
                    next.computeIfAbsent(previous, k -> new ArrayList<>()).add(word);
                    previous = word;
                }
            }
            next.computeIfAbsent(previous, k -> new ArrayList<>()).add(END);
        }
    }

    /** Message {@code index} of the corpus of {@code seed}. */
    String message(long seed, long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        StringBuilder sb = new StringBuilder();
        String word = START;
        for (int words = 0; words < MAX_WORDS; words++) {
            List<String> choices = next.get(word);
            word = choices.get(random.nextInt(choices.size()));
            if (word.equals(END)) {
                break;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(word);
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ChatCorpusGenerator MESSAGES SEED OUT.txt");
            System.exit(2);
        }
        long count = Long.parseLong(args[0]);
        long seed = Long.parseLong(args[1]);
        ChatCorpusGenerator generator = new ChatCorpusGenerator(Corpus.shipped().messages());
        long bytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (long i = 0; i < count; i++) {
                String m = generator.message(seed, i);
                out.write(m);
                out.write('\n');
                bytes += m.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        System.err.printf("wrote %,d messages, %,d bytes to %s%n", count, bytes, args[2]);
    }
}
