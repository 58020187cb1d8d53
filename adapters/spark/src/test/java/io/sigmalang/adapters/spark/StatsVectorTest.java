package io.sigmalang.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.domain.codec.EncoderStats;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.PathStats;
import io.sigmalang.domain.pool.PoolStats;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsVectorTest {

    private static EncoderStats stats(long messages, int bankSize, int bankCapacity, int depth) {
        Map<EncodingPath, PathStats> paths = new EnumMap<>(EncodingPath.class);
        paths.put(EncodingPath.FULL, new PathStats(messages, 1000 * messages, 20 * messages));
        paths.put(EncodingPath.BANK_REFERENCE, new PathStats(1, 7, 12));
        return new EncoderStats(messages, 50 * messages, messages, 30 * messages, 20 * messages + 12, paths, 1, 2, 0,
                bankSize, bankCapacity, depth, null);
    }

    private static PoolStats pool(long acquires, long retained, long peakRetained, int bufferSize) {
        return new PoolStats("fixed", 32, bufferSize, 30, 2, 5, acquires, acquires - 2, 3, 0, retained, peakRetained,
                0);
    }

    @Test
    void encoderStatisticsAddAsTheBatchAddsThem() {
        long[] sum = StatsVector.zero();
        StatsVector.add(sum, StatsVector.of(stats(10, 4, 1024, 4)));
        StatsVector.add(sum, StatsVector.of(stats(5, 3, 256, 8)));
        EncoderStats total = StatsVector.toEncoderStats(sum, "fixed");
        assertEquals(15, total.messages());
        assertEquals(750, total.inputBytes());
        assertEquals(15 * 20 + 24, total.outputBytes());
        assertEquals(new PathStats(15, 15_000, 300), total.paths().get(EncodingPath.FULL));
        assertEquals(new PathStats(2, 14, 24), total.paths().get(EncodingPath.BANK_REFERENCE));
        assertEquals(new PathStats(0, 0, 0), total.paths().get(EncodingPath.CODEBOOK));
        assertEquals(7, total.bankSize());
        assertEquals(1024, total.bankCapacity(), "the larger capacity, as EncoderStats.plus");
        assertEquals(8, total.contextDepth(), "the larger depth, as EncoderStats.plus");
    }

    @Test
    void poolChangesOfOneExecutorSumToItsLastSnapshotAndExecutorsAddUp() {
        // Executor A reports three times (its tasks overlapped or not), executor B once.
        PoolStats a1 = pool(100, 4096, 8192, 4096);
        PoolStats a2 = pool(250, 8192, 8192, 4096);
        PoolStats a3 = pool(260, 4096, 12288, 4096);
        PoolStats b1 = pool(40, 4096, 4096, 4096);
        long[] sum = StatsVector.zero();
        StatsVector.add(sum, StatsVector.poolChange(null, a1));
        StatsVector.add(sum, StatsVector.poolChange(a1, a2));
        StatsVector.add(sum, StatsVector.poolChange(null, b1));
        StatsVector.add(sum, StatsVector.poolChange(a2, a3));
        PoolStats total = StatsVector.toEncoderStats(sum, "fixed").pool();
        assertEquals(300, total.acquires());
        assertEquals(296, total.releases());
        assertEquals(4, total.outstanding());
        assertEquals(8192, total.retainedBytes());
        assertEquals(16384, total.peakRetainedBytes());
        assertEquals(64, total.capacity());
        assertEquals(4096, total.bufferSize(), "the buffer size is not summed");
        assertEquals(6, total.overflowAllocations());
    }
}
