package io.sigmalang.adapters.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sigmalang.domain.codec.EncoderStats;
import io.sigmalang.domain.codec.EncodingPath;
import io.sigmalang.domain.codec.PathStats;
import io.sigmalang.domain.pool.PoolStats;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Publishes an encoder's statistics, and its buffer pool's, as Micrometer meters. Every meter reads a fresh
 * {@link EncoderStats} snapshot from the supplier when the registry asks, so nothing is counted twice and the
 * encoder is not touched on its hot path. Meters are tagged {@code pool=<pool name>} plus the given tags.
 *
 * <p>Pool: {@code sigmalang.pool.acquires}, {@code .releases}, {@code .overflows}, {@code .resizes},
 * {@code .leaks} (counters); {@code sigmalang.pool.outstanding}, {@code .outstanding.peak},
 * {@code .retained}, {@code .retained.peak} (bytes), {@code .capacity} (gauges). Encoder:
 * {@code sigmalang.encoder.messages}, {@code .bytes.in}, {@code .bytes.out} (counters);
 * {@code sigmalang.encoder.encodes} (a function timer per {@code path}: count and total time) and
 * {@code sigmalang.encoder.path.bytes} (a counter per {@code path}).
 *
 * <p>The meters hold the supplier strongly. Micrometer keeps only a weak reference to a meter's state object, so
 * a supplier made on the spot ({@code encoder::stats}) that nothing else holds would be collected at the next
 * garbage collection and the meters would freeze or read NaN. Here every value function captures the supplier,
 * so the meters read it for as long as they are registered (which also keeps the encoder and its pool
 * reachable; remove the meters from the registry to let them go).
 */
public final class EncoderMetrics implements MeterBinder {
    private final Supplier<EncoderStats> stats;
    private final Iterable<Tag> tags;

    /**
     * @param stats a source of snapshots, usually {@code encoder::stats}; it must be safe to call from the
     *              thread that reads the registry
     * @param tags  extra tags for every meter
     */
    public EncoderMetrics(Supplier<EncoderStats> stats, Iterable<Tag> tags) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.tags = Objects.requireNonNull(tags, "tags");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Tags base = Tags.of(tags).and("pool", stats.get().pool().pool());
        poolCounter(registry, base, "acquires", "leases handed out", PoolStats::acquires);
        poolCounter(registry, base, "releases", "leases returned", PoolStats::releases);
        poolCounter(registry, base, "overflows", "leases served beyond the pool's capacity", PoolStats::overflowAllocations);
        poolCounter(registry, base, "resizes", "capacity changes", PoolStats::resizes);
        poolCounter(registry, base, "leaks", "leases lost without release", PoolStats::leaks);
        poolGauge(registry, base, "outstanding", "leases not yet returned", null, PoolStats::outstanding);
        poolGauge(registry, base, "outstanding.peak", "most leases out at once", null, PoolStats::peakOutstanding);
        poolGauge(registry, base, "retained", "bytes of buffers the pool holds", BaseUnits.BYTES, PoolStats::retainedBytes);
        poolGauge(registry, base, "retained.peak", "most bytes the pool held", BaseUnits.BYTES, PoolStats::peakRetainedBytes);
        poolGauge(registry, base, "capacity", "buffers the pool keeps at most", null, PoolStats::capacity);

        counter(registry, base, "sigmalang.encoder.messages", "messages encoded", null, s -> s.messages());
        counter(registry, base, "sigmalang.encoder.bytes.in", "UTF-8 bytes of the source texts", BaseUnits.BYTES,
                s -> s.inputBytes());
        counter(registry, base, "sigmalang.encoder.bytes.out", "stream bytes written", BaseUnits.BYTES,
                s -> s.outputBytes());
        for (EncodingPath path : EncodingPath.values()) {
            Tags pathTags = base.and("path", path.name().toLowerCase(Locale.ROOT));
            Supplier<EncoderStats> source = stats;
            FunctionTimer.builder("sigmalang.encoder.encodes", source,
                            ignored -> pathStats(source.get(), path).count(),
                            ignored -> pathStats(source.get(), path).nanos(), TimeUnit.NANOSECONDS)
                    .description("messages encoded on this path and the time spent")
                    .tags(pathTags)
                    .register(registry);
            counter(registry, pathTags, "sigmalang.encoder.path.bytes", "stream bytes written on this path",
                    BaseUnits.BYTES, s -> pathStats(s, path).bytes());
        }
    }

    private static PathStats pathStats(EncoderStats s, EncodingPath path) {
        PathStats p = s.paths().get(path);
        return p == null ? new PathStats(0, 0, 0) : p;
    }

    private void counter(MeterRegistry registry, Tags tags, String name, String description, String unit,
            ToDoubleFunction<EncoderStats> value) {
        Supplier<EncoderStats> source = stats;
        FunctionCounter.builder(name, source, ignored -> value.applyAsDouble(source.get()))
                .description(description).baseUnit(unit).tags(tags).register(registry);
    }

    private void poolCounter(MeterRegistry registry, Tags tags, String name, String description,
            ToDoubleFunction<PoolStats> value) {
        counter(registry, tags, "sigmalang.pool." + name, description, null, s -> value.applyAsDouble(s.pool()));
    }

    private void poolGauge(MeterRegistry registry, Tags tags, String name, String description, String unit,
            ToDoubleFunction<PoolStats> value) {
        Gauge.builder("sigmalang.pool." + name, stats, s -> value.applyAsDouble(s.get().pool()))
                .strongReference(true)
                .description(description).baseUnit(unit).tags(tags).register(registry);
    }
}
