package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.sigmalang.domain.pool.PoolStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link EncoderStats#plus}, the sum a batch reports over its conversations, on two snapshots of distinct values,
 * every expected figure added by hand: counters, bytes and each path's count, time and bytes add up (a path one
 * side lacks counts as zero), the trees held add up, capacity and depth are the larger, the pool is the second's.
 * Only the batch tests reached it before, and they are left out of mutation runs (they can deadlock under a
 * mutant, docs/TESTING.md).
 */
class EncoderStatsPlusTest {
    private static final PoolStats EARLY = new PoolStats("fixed", 1, 64, 1, 0, 0, 0, 0, 0, 0, 64, 64, 0);
    private static final PoolStats LATE = new PoolStats("fixed", 1, 64, 0, 1, 1, 9, 8, 0, 0, 64, 64, 0);

    @Test
    void everyFigureAddsUpAndTheBoundsAreTheLarger() {
        EncoderStats a = new EncoderStats(3, 100, 2, 300, 50,
                Map.of(EncodingPath.FULL, new PathStats(2, 1_000, 40), EncodingPath.CONTEXT_DELTA,
                        new PathStats(1, 300, 10)),
                5, 7, 1, 11, 1024, 4, EARLY);
        EncoderStats b = new EncoderStats(20, 1_000, 19, 2_000, 600,
                Map.of(EncodingPath.FULL, new PathStats(13, 7_000, 500), EncodingPath.BANK_REFERENCE,
                        new PathStats(7, 900, 100)),
                30, 70, 2, 13, 512, 16, LATE);
        EncoderStats sum = a.plus(b);
        assertEquals(23, sum.messages());
        assertEquals(1_100, sum.inputBytes());
        assertEquals(21, sum.inputMessages());
        assertEquals(2_300, sum.fullFormBytes());
        assertEquals(650, sum.outputBytes());
        assertEquals(new PathStats(15, 8_000, 540), sum.paths().get(EncodingPath.FULL));
        assertEquals(new PathStats(1, 300, 10), sum.paths().get(EncodingPath.CONTEXT_DELTA));
        assertEquals(new PathStats(7, 900, 100), sum.paths().get(EncodingPath.BANK_REFERENCE));
        assertEquals(new PathStats(0, 0, 0), sum.paths().get(EncodingPath.CODEBOOK));
        assertEquals(35, sum.bankHits());
        assertEquals(77, sum.bankMisses());
        assertEquals(3, sum.bankCollisions());
        assertEquals(24, sum.bankSize());
        assertEquals(1024, sum.bankCapacity());
        assertEquals(16, sum.contextDepth());
        assertSame(LATE, sum.pool());
        // The other way round: the larger bounds again, and the pool is then the first's.
        EncoderStats reversed = b.plus(a);
        assertEquals(1024, reversed.bankCapacity());
        assertEquals(16, reversed.contextDepth());
        assertSame(EARLY, reversed.pool());
        assertEquals(650.0 / 1_100, sum.ratio(), 1e-12);
    }
}
