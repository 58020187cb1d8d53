package io.sigmalang.adapters.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.adapters.testsupport.Stats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncoderStatsJsonTest {

    @Test
    void writesEveryFigure() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EncoderStatsJson().write(Stats.encoder(1), out);
        String json = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", "");
        // ratio = 600 / 2000, ratioToFullForm = 600 / 900.
        assertEquals("{\"messages\":20,\"inputBytes\":2000,\"inputMessages\":20,\"fullFormBytes\":900,"
                + "\"outputBytes\":600,\"ratio\":0.3,\"ratioToFullForm\":0.6666666666666666,\"paths\":{"
                + "\"codebook\":{\"count\":0,\"nanos\":0,\"bytes\":0},"
                + "\"bank_reference\":{\"count\":5,\"nanos\":50000,\"bytes\":55},"
                + "\"context_delta\":{\"count\":3,\"nanos\":300000,\"bytes\":45},"
                + "\"full\":{\"count\":12,\"nanos\":1200000,\"bytes\":500}},"
                + "\"bank\":{\"hits\":5,\"misses\":15,\"collisions\":1,\"size\":14,\"capacity\":1024},"
                + "\"contextDepth\":4,\"pool\":{\"name\":\"fixed\",\"capacity\":8,\"bufferSize\":4096,"
                + "\"available\":6,\"outstanding\":2,\"peakOutstanding\":3,\"acquires\":11,\"releases\":9,"
                + "\"overflowAllocations\":4,\"resizes\":5,\"retainedBytes\":32768,\"peakRetainedBytes\":40960,"
                + "\"leaks\":7}}", json);
    }
}
