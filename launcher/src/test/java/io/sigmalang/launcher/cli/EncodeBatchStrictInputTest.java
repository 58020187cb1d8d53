package io.sigmalang.launcher.cli;

import static io.sigmalang.launcher.testing.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sigmalang.launcher.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * encode-batch reads its JSON Lines through the adapters' reader: lines whose meaning would be a guess (a field
 * given twice) or whose text would change on the way to the encoder (an unpaired surrogate, which UTF-8 cannot
 * carry) fail the run with one line and no output. The CLI's own loop before took the last of two values silently,
 * and let the surrogate reach the encoder, which stopped that conversation and wrote the container all the same.
 */
class EncodeBatchStrictInputTest {
    private static final String EXPECTED = " (expected {\"conversation\": \"ID\", \"text\": \"MESSAGE\"})";

    @TempDir
    Path dir;

    private CliRun encodeBatch(String jsonLines, Path out) throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), jsonLines);
        return run("encode-batch", input.toString(), "-o", out.toString());
    }

    @Test
    void aConversationGivenTwiceOnOneLineIsRefused() throws IOException {
        Path out = dir.resolve("out.sigma");
        CliRun r = encodeBatch("{\"conversation\": \"a\", \"text\": \"hi\"}\n"
                + "{\"conversation\": \"a\", \"text\": \"hi\", \"conversation\": \"b\"}\n", out);
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertEquals(1, r.errLines().size(), r.toString());
        assertEquals("sigmalang encode-batch: " + dir.resolve("in.jsonl") + " line 2: not valid JSON (Duplicate field"
                + " 'conversation')" + EXPECTED, r.errLines().get(0));
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnpairedSurrogateInATextIsRefused() throws IOException {
        Path out = dir.resolve("out.sigma");
        CliRun r = encodeBatch("{\"conversation\": \"a\", \"text\": \"x\\udfff\"}\n", out);
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertEquals(List.of("sigmalang encode-batch: " + dir.resolve("in.jsonl") + " line 1: \"text\" holds an"
                + " unpaired surrogate U+DFFF at index 1 (not Unicode text)" + EXPECTED), r.errLines());
        assertFalse(Files.exists(out));
    }
}
