package io.sigmalang.adapters.metrics;

import io.sigmalang.domain.codec.EncoderStats;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.PathStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** The {@link EncoderStatsMXBean} over a source of snapshots, for registration with an MBean server. */
public final class EncoderStatsBean implements EncoderStatsMXBean {
    private final Supplier<EncoderStats> stats;

    public EncoderStatsBean(Supplier<EncoderStats> stats) {
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    /** The object name {@code io.sigmalang:type=Encoder,name=<name>}. */
    public static ObjectName objectName(String name) {
        try {
            return new ObjectName("io.sigmalang:type=Encoder,name=" + ObjectName.quote(name));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not usable in a JMX object name: " + name, e);
        }
    }

    @Override
    public String getPool() {
        return stats.get().pool().pool();
    }

    @Override
    public long getMessages() {
        return stats.get().messages();
    }

    @Override
    public long getInputBytes() {
        return stats.get().inputBytes();
    }

    @Override
    public long getOutputBytes() {
        return stats.get().outputBytes();
    }

    @Override
    public long getAcquires() {
        return stats.get().pool().acquires();
    }

    @Override
    public long getReleases() {
        return stats.get().pool().releases();
    }

    @Override
    public long getOverflows() {
        return stats.get().pool().overflowAllocations();
    }

    @Override
    public long getOutstanding() {
        return stats.get().pool().outstanding();
    }

    @Override
    public long getPeakOutstanding() {
        return stats.get().pool().peakOutstanding();
    }

    @Override
    public long getRetainedBytes() {
        return stats.get().pool().retainedBytes();
    }

    @Override
    public long getPeakRetainedBytes() {
        return stats.get().pool().peakRetainedBytes();
    }

    @Override
    public long getResizes() {
        return stats.get().pool().resizes();
    }

    @Override
    public long getLeaks() {
        return stats.get().pool().leaks();
    }

    @Override
    public Map<String, Long> getEncodeCounts() {
        return perPath(PathStats::count);
    }

    @Override
    public Map<String, Long> getEncodeNanos() {
        return perPath(PathStats::nanos);
    }

    private Map<String, Long> perPath(ToLongFunction<PathStats> figure) {
        EncoderStats s = stats.get();
        Map<String, Long> out = new LinkedHashMap<>();
        for (EncodingPath path : EncodingPath.values()) {
            PathStats p = s.paths().get(path);
            out.put(path.name(), p == null ? 0L : figure.applyAsLong(p));
        }
        return out;
    }
}
