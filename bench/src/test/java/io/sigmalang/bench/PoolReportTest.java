package io.sigmalang.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolReportTest {

    @Test
    void quickRunWritesTheThreeFilesWithNoLeaseOutstandingAndIdenticalBytes(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");

        PoolReport.main(new String[] {"--out", out.toString(), "--quick"});

        assertTrue(Files.size(out.resolve("report.md")) > 0, "report.md");
        byte[] png = Files.readAllBytes(out.resolve(PoolReport.CHART_FILE));
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "the chart is a PNG");
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(0, json.get("outstandingAfterRun").asLong());
        assertTrue(json.get("bytesIdentical").asBoolean());
        assertTrue(json.get("plan").get("quick").asBoolean());

        // Every workload x strategy x capacity has its row, each with no lease left behind.
        Set<String> seen = new HashSet<>();
        for (JsonNode row : json.get("capacitySweep")) {
            seen.add(row.get("workload").asText() + "/" + row.get("strategy").asText() + "/"
                    + row.get("capacity").asInt());
            assertEquals(0, row.get("outstanding").asLong(), row.toString());
            assertTrue(row.get("acquires").asLong() > 0, row.toString());
        }
        for (String workload : new String[] {"corpus", "burst"}) {
            for (String strategy : new String[] {"fixed", "adaptive", "offheap"}) {
                for (int capacity : new int[] {16, 32, 64, 128}) {
                    assertTrue(seen.contains(workload + "/" + strategy + "/" + capacity),
                            "missing " + workload + "/" + strategy + "/" + capacity);
                }
            }
        }
        assertEquals(24, seen.size());
        // The shipped corpus has 427 non-empty lines (wc -l of the resource, which has no empty line).
        assertEquals(427, json.get("corpus").get("messages").asInt());
        for (JsonNode row : json.get("compression").get("strategies")) {
            assertEquals(json.get("compression").get("baselineSha256").asText(), row.get("sha256").asText());
        }
        String md = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
        assertTrue(md.contains("## Pool share of encode time"), md);
        assertTrue(md.contains("(" + PoolReport.CHART_FILE + ")"), "report.md shows the chart");
    }

    @Test
    void badArgumentsGiveOneLineAndStatusTwo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String[][] cases = {
            {},
            {"--quick"},
            {"--out"},
            {"--out", dir.toString(), "--frobnicate"},
            {"--out", file.toString()},
            {"--out", dir.toString(), "--corpus", dir.resolve("missing.txt").toString()},
        };
        for (String[] args : cases) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = PoolReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, status, String.join(" ", args));
            assertTrue(message.startsWith("pool report: "), message);
            assertEquals(1, message.lines().count(), message);
            assertFalse(message.contains("Exception"), message);
            assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing measured for " + String.join(" ", args));
        }
    }
}
