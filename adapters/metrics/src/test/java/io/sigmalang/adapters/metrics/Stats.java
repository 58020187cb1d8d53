package io.sigmalang.adapters.metrics;

import io.sigmalang.domain.codec.EncoderStats;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.PathStats;
import io.sigmalang.domain.pool.PoolStats;
import java.util.Map;

/** Hand-made statistics snapshots with distinct figures, so that a swapped field shows. */
final class Stats {
    private Stats() {
    }

    static PoolStats pool(long scale) {
        return new PoolStats("fixed", 8, 4096, 6, 2 * scale, 3 * scale, 11 * scale, 9 * scale, 4 * scale,
                5 * scale, 32768 * scale, 40960 * scale, 7 * scale);
    }

    static EncoderStats encoder(long scale) {
        return new EncoderStats(20 * scale, 2000 * scale, 20 * scale, 900 * scale, 600 * scale,
                Map.of(EncodingPath.FULL, new PathStats(12 * scale, 1_200_000 * scale, 500 * scale),
                        EncodingPath.BANK_REFERENCE, new PathStats(5 * scale, 50_000 * scale, 55 * scale),
                        EncodingPath.CONTEXT_DELTA, new PathStats(3 * scale, 300_000 * scale, 45 * scale),
                        EncodingPath.CODEBOOK, new PathStats(0, 0, 0)),
                5 * scale, 15 * scale, 1, 14, 1024, 4, pool(scale));
    }
}
