package io.sigmalang.domain.codec;

import io.sigmalang.domain.pool.PoolStats;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of an encoder's statistics.
 *
 * @param messages        messages encoded
 * @param inputBytes      UTF-8 bytes of the source texts, for the messages whose tree knew its source size
 * @param inputMessages   how many messages {@code inputBytes} covers
 * @param fullFormBytes   bytes all messages would have taken in the full-primitive form
 * @param outputBytes     stream bytes actually written
 * @param paths           count, time and bytes per encoding path (every path present), iterating in the order
 *                        of {@link EncodingPath}
 * @param bankHits        Σ-bank look-ups that found this very tree (sent as a reference unless an earlier
 *                        form won or the full form was smaller)
 * @param bankMisses      Σ-bank look-ups that found no equal tree (including hash collisions)
 * @param bankCollisions  look-ups whose hash matched a different tree (encoded in another form)
 * @param bankSize        trees in the bank now
 * @param bankCapacity    the bank's bound (least recently used trees are evicted past it)
 * @param contextDepth    recent messages held as delta bases now
 * @param pool            the buffer pool's statistics
 */
public record EncoderStats(
        long messages,
        long inputBytes,
        long inputMessages,
        long fullFormBytes,
        long outputBytes,
        Map<EncodingPath, PathStats> paths,
        long bankHits,
        long bankMisses,
        long bankCollisions,
        int bankSize,
        int bankCapacity,
        int contextDepth,
        PoolStats pool) {

    public EncoderStats {
        // An EnumMap, not Map.copyOf: a defined iteration order (the enum's), the same in every run.
        EnumMap<EncodingPath, PathStats> byPath = new EnumMap<>(EncodingPath.class);
        paths.forEach((path, stats) -> byPath.put(path, Objects.requireNonNull(stats, "stats of " + path)));
        paths = Collections.unmodifiableMap(byPath);
    }

    /** Output bytes over source-text bytes, over the messages whose source size is known; NaN if none. */
    public double ratio() {
        return inputMessages == 0 || inputBytes == 0 ? Double.NaN : (double) outputBytes / inputBytes;
    }

    /** Output bytes over full-form bytes: what the bank, delta and codebook saved (1.0 = nothing). */
    public double ratioToFullForm() {
        return fullFormBytes == 0 ? Double.NaN : (double) outputBytes / fullFormBytes;
    }
}
