import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the measurement input of docs/SPARK.md: CONVERSATIONS conversations of MESSAGES messages each, as JSON
 * Lines {"conversation", "seq", "text"}, the conversations interleaved as a log is (each in seq order, so that
 * encode-batch, which ignores seq, reads each conversation in the same order as Spark, which sorts by it). The
 * texts are windows of a corpus of chat lines, one line in eight a repeat of an earlier line of the conversation.
 * No dependencies: run it with {@code java adapters/spark/src/measure/MakeMessages.java CORPUS CONVERSATIONS
 * MESSAGES OUT}.
 */
public class MakeMessages {
    public static void main(String[] args) throws IOException {
        List<String> corpus = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                corpus.add(line.strip());
            }
        }
        int conversations = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        Random random = new Random(2026);
        int[] start = new int[conversations];
        int[] sent = new int[conversations];
        List<List<String>> said = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            start[c] = random.nextInt(corpus.size());
            said.add(new ArrayList<>());
        }
        List<Integer> open = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            open.add(c);
        }
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
            while (!open.isEmpty()) {
                int pick = random.nextInt(Math.min(open.size(), 64));
                int c = open.get(pick);
                List<String> history = said.get(c);
                String text = !history.isEmpty() && random.nextInt(8) == 0
                        ? history.get(random.nextInt(history.size()))
                        : corpus.get((start[c] + sent[c]) % corpus.size());
                history.add(text);
                out.write("{\"conversation\": \"c" + c + "\", \"seq\": " + (10L * sent[c] + random.nextInt(10))
                        + ", \"text\": \"" + escape(text) + "\"}\n");
                if (++sent[c] == messages) {
                    open.remove(pick);
                }
            }
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
