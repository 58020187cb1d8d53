package io.sigmalang.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    @Test
    void readsOneMessagePerLineSkippingEmptyLinesAndCountsUtf8Bytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.txt");
        Files.write(file, "héllo\r\n\nworld 🚀\n".getBytes(StandardCharsets.UTF_8));

        Corpus corpus = Corpus.fromFile(file);

        assertEquals(List.of("héllo", "world 🚀"), corpus.messages());
        // h é(2) l l o = 6 bytes; "world " = 6, rocket = 4 bytes.
        assertEquals(6 + 10, corpus.utf8Bytes());
    }

    @Test
    void shippedCorpusHasItsFewHundredMessages() {
        Corpus corpus = Corpus.shipped();
        assertEquals(427, corpus.messages().size());
        assertTrue(corpus.messages().stream().noneMatch(String::isBlank));
    }

    @Test
    void rejectsMissingEmptyAndNonUtf8Files(@TempDir Path dir) throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Corpus.fromFile(dir.resolve("nope.txt")));
        assertTrue(missing.getMessage().contains("nope.txt"), missing.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Corpus.fromFile(empty))
                .getMessage().contains("no message"));

        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Corpus.fromFile(latin1))
                .getMessage().contains("not valid UTF-8"));
    }
}
