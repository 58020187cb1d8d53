package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmalang.domain.pool.PoolStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link EncoderStats#paths()} iterates in one defined order, whatever order it was built in. */
class EncoderStatsOrderTest {

    private static EncoderStats withPaths(Map<EncodingPath, PathStats> paths) {
        PoolStats pool = new PoolStats("fixed", 1, 64, 1, 0, 0, 0, 0, 0, 0, 64, 64, 0);
        return new EncoderStats(0, 0, 0, 0, 0, paths, 0, 0, 0, 0, 0, 0, pool);
    }

    @Test
    void pathsIterateInTheDeclarationOrderOfEncodingPath() {
        // Built in the reverse of the declaration order, so neither insertion order nor chance can pass.
        Map<EncodingPath, PathStats> reversed = new LinkedHashMap<>();
        reversed.put(EncodingPath.FULL, new PathStats(4, 40, 400));
        reversed.put(EncodingPath.CONTEXT_DELTA, new PathStats(3, 30, 300));
        reversed.put(EncodingPath.BANK_REFERENCE, new PathStats(2, 20, 200));
        reversed.put(EncodingPath.CODEBOOK, new PathStats(1, 10, 100));
        EncoderStats stats = withPaths(reversed);
        // The order EncodingPath declares: codebook, bank reference, context delta, full.
        assertEquals(List.of(EncodingPath.CODEBOOK, EncodingPath.BANK_REFERENCE, EncodingPath.CONTEXT_DELTA,
                EncodingPath.FULL), List.copyOf(stats.paths().keySet()));
        assertEquals(new PathStats(2, 20, 200), stats.paths().get(EncodingPath.BANK_REFERENCE));
        assertEquals("{CODEBOOK=PathStats[count=1, nanos=10, bytes=100], BANK_REFERENCE=PathStats[count=2, "
                + "nanos=20, bytes=200], CONTEXT_DELTA=PathStats[count=3, nanos=30, bytes=300], FULL=PathStats["
                + "count=4, nanos=40, bytes=400]}", stats.paths().toString());
    }

    @Test
    void pathsAreACopyThatCannotBeChanged() {
        Map<EncodingPath, PathStats> source = new LinkedHashMap<>();
        source.put(EncodingPath.FULL, new PathStats(1, 1, 1));
        EncoderStats stats = withPaths(source);
        source.put(EncodingPath.CODEBOOK, new PathStats(9, 9, 9));
        assertEquals(List.of(EncodingPath.FULL), List.copyOf(stats.paths().keySet()));
        assertThrows(UnsupportedOperationException.class,
                () -> stats.paths().put(EncodingPath.CODEBOOK, new PathStats(0, 0, 0)));
    }

    @Test
    void aMissingFigureIsRefused() {
        Map<EncodingPath, PathStats> withNull = new LinkedHashMap<>();
        withNull.put(EncodingPath.FULL, null);
        assertThrows(NullPointerException.class, () -> withPaths(withNull));
    }
}
