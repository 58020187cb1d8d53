package io.sigmalang.adapters.spark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

    @Test
    void theFormatFollowsTheInputsNameUnlessGiven() {
        assertEquals("json", JobArguments.parse(new String[] {"encode", "in/log.jsonl", "out"}).format());
        assertEquals("json", JobArguments.parse(new String[] {"encode", "in/LOG.NDJSON", "out"}).format());
        assertEquals("parquet", JobArguments.parse(new String[] {"encode", "s3a://lake/chat", "out"}).format());
        assertEquals("json", JobArguments.parse(new String[] {"encode", "in", "out", "--format", "json"}).format());
        assertEquals("parquet", JobArguments.parse(new String[] {"decode", "in.json", "out"}).format());
    }

    @Test
    void optionsAreReadInAnyOrder() {
        JobArguments a = JobArguments.parse(new String[] {"--fail-fast", "encode", "--set", "pool.strategy=fixed",
            "in.jsonl", "--partitions", "12", "--set", "encoder.context-depth = 8", "out", "--stats-json", "s.json"});
        assertEquals("encode", a.command());
        assertEquals("in.jsonl", a.input());
        assertEquals("out", a.output());
        assertEquals(12, a.partitions().getAsInt());
        assertEquals(2, a.sets().size());
        assertEquals("encoder.context-depth", a.sets().get(1)[0]);
        assertEquals(" 8", a.sets().get(1)[1]);
        assertEquals(Path.of("s.json"), a.statsJson());
        assertTrue(a.failFast());
        assertFalse(a.debug());
    }

    @Test
    void aCommandLineThatCannotBeUsedIsOneLineSayingWhatIsExpected() {
        assertEquals("expected a command and two paths: encode|decode INPUT OUTPUT (got 2 arguments; see --help)",
                refused("encode", "in"));
        assertEquals("unknown command compress: expected encode or decode", refused("compress", "a", "b"));
        assertEquals("--partitions 0: expected a whole number 1..1000000", refused("encode", "a", "b",
                "--partitions", "0"));
        assertEquals("--format csv: expected parquet or json", refused("encode", "a", "b", "--format", "csv"));
        assertEquals("--set pool.strategy: expected KEY=VALUE", refused("encode", "a", "b", "--set", "pool.strategy"));
        assertEquals("--config needs a value (see --help)", refused("encode", "a", "b", "--config"));
        assertEquals("unknown option --threads (see --help)", refused("encode", "a", "b", "--threads", "2"));
        assertEquals("--stats-json is an option of encode", refused("decode", "a", "b", "--stats-json", "s"));
        assertEquals("decode reads parquet (the encode job's output), not json",
                refused("decode", "a", "b", "--format", "json"));
    }

    private static String refused(String... args) {
        return assertThrows(JobArguments.UsageException.class, () -> JobArguments.parse(args)).getMessage();
    }
}
