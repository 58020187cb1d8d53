package io.sigmalang.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.testing.CraftedStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decompression bomb against {@code sigmalang.jar} in a JVM held to 1 GiB of heap (issue 12, item 2): a
 * 49 KB container whose messages 2 to 12 each stand for a different 134 MB tree. Before the decoder limits, the
 * Σ-bank kept every one of them (an {@code OutOfMemoryError} by message 6 or so); with the default limits the run
 * ends with exit 65 and one line naming the limit.
 */
class HostileInputIT {
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTheJar() {
        jar = Path.of(System.getProperty("sigmalang.jar", "target/sigmalang.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "run after package: no " + jar);
    }

    /** Header of the default settings (bank and delta on, depth 4, capacity 1024), then the records. */
    static byte[] container(byte[]... streams) {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.writeBytes(HexFormat.of().parseHex("53474c430103040000000400"));
        for (byte[] s : streams) {
            c.writeBytes(new byte[] {(byte) (s.length >>> 24), (byte) (s.length >>> 16), (byte) (s.length >>> 8),
                    (byte) s.length});
            c.writeBytes(s);
        }
        return c.toByteArray();
    }

    @Test
    void aDecompressionBombStopsAtALimitWithinOneGibibyteOfHeap() throws IOException, InterruptedException {
        // Message 2 rebuilds 134 MB from 16 KB; messages 3 to 12 each keep all of the previous one under a new root.
        byte[][] messages = new byte[12][];
        messages[0] = CraftedStreams.bigLeafMessage();
        messages[1] = CraftedStreams.leafCopiesDelta(1, 1);
        for (int k = 2; k < 12; k++) {
            messages[k] = CraftedStreams.rerootDelta(k, 0x50 + k);
        }
        Path bomb = Files.write(dir.resolve("bomb.sigma"), container(messages));
        assertTrue(Files.size(bomb) < 50_000);
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-XX:-UsePerfData", "-jar", jar.toString(), "decode", bomb.toString(), "-o",
                dir.resolve("out.jsonl").toString()).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        List<String> all = Files.readString(err, StandardCharsets.UTF_8).lines().toList();
        assertEquals(65, p.exitValue(), all.toString());
        // The crafted container is version 1, which decode notes on a line of its own before the error.
        assertEquals(2, all.size(), all.toString());
        assertTrue(all.get(0).contains("is a version 1 container"), all.toString());
        List<String> lines = all.subList(1, 2);
        assertTrue(lines.get(0).startsWith("sigmalang decode: " + bomb + ": message 3 at container byte "),
                lines.toString());
        assertTrue(lines.get(0).contains("(limit decoder.max-held-bytes = 384MiB, from built-in defaults; raise it"
                + " with --set decoder.max-held-bytes=...)"), lines.toString());
        assertEquals(List.of("bomb.sigma", "err.txt"), Files.list(dir).map(f -> f.getFileName().toString()).sorted()
                .toList(), "no output file");
    }
}
