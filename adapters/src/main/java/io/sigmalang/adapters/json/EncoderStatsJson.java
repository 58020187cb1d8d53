package io.sigmalang.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sigmalang.domain.codec.EncoderStats;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.PathStats;
import io.sigmalang.domain.pool.PoolStats;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Writes an {@link EncoderStats} snapshot as one pretty-printed JSON object: every field of the snapshot, the
 * two ratios ({@code null} when undefined), one object per encoding path and the pool's statistics.
 */
public final class EncoderStatsJson {
    private final JsonFactory factory = new JsonFactory();

    /** A writer with its own Jackson factory; one writer may serve any number of snapshots. */
    public EncoderStatsJson() {
        // Declared so that the published API states it (javac's missing-explicit-ctor check).
    }

    /** Writes {@code stats} to {@code out} in UTF-8 (not closed; flushed). */
    public void write(EncoderStats stats, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("messages", stats.messages());
            g.writeNumberField("inputBytes", stats.inputBytes());
            g.writeNumberField("inputMessages", stats.inputMessages());
            g.writeNumberField("fullFormBytes", stats.fullFormBytes());
            g.writeNumberField("outputBytes", stats.outputBytes());
            writeRatio(g, "ratio", stats.ratio());
            writeRatio(g, "ratioToFullForm", stats.ratioToFullForm());
            g.writeObjectFieldStart("paths");
            for (EncodingPath path : EncodingPath.values()) {
                PathStats p = stats.paths().getOrDefault(path, new PathStats(0, 0, 0));
                g.writeObjectFieldStart(path.name().toLowerCase(Locale.ROOT));
                g.writeNumberField("count", p.count());
                g.writeNumberField("nanos", p.nanos());
                g.writeNumberField("bytes", p.bytes());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("bank");
            g.writeNumberField("hits", stats.bankHits());
            g.writeNumberField("misses", stats.bankMisses());
            g.writeNumberField("collisions", stats.bankCollisions());
            g.writeNumberField("size", stats.bankSize());
            g.writeNumberField("capacity", stats.bankCapacity());
            g.writeEndObject();
            g.writeNumberField("contextDepth", stats.contextDepth());
            PoolStats pool = stats.pool();
            g.writeObjectFieldStart("pool");
            g.writeStringField("name", pool.pool());
            g.writeNumberField("capacity", pool.capacity());
            g.writeNumberField("bufferSize", pool.bufferSize());
            g.writeNumberField("available", pool.available());
            g.writeNumberField("outstanding", pool.outstanding());
            g.writeNumberField("peakOutstanding", pool.peakOutstanding());
            g.writeNumberField("acquires", pool.acquires());
            g.writeNumberField("releases", pool.releases());
            g.writeNumberField("overflowAllocations", pool.overflowAllocations());
            g.writeNumberField("resizes", pool.resizes());
            g.writeNumberField("retainedBytes", pool.retainedBytes());
            g.writeNumberField("peakRetainedBytes", pool.peakRetainedBytes());
            g.writeNumberField("leaks", pool.leaks());
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeRatio(JsonGenerator g, String name, double ratio) throws IOException {
        if (Double.isNaN(ratio)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, ratio);
        }
    }
}
