package io.sigmalang.adapters.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sigmalang.domain.codec.EncoderStats;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EncoderMetricsTest {

    private final AtomicReference<EncoderStats> current = new AtomicReference<>(Stats.encoder(1));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double counter(String name) {
        return registry.get(name).tags("pool", "fixed", "app", "test").functionCounter().count();
    }

    private double gauge(String name) {
        return registry.get(name).tags("pool", "fixed").gauge().value();
    }

    @Test
    void publishesPoolAndEncoderFiguresAndFollowsNewSnapshots() {
        new EncoderMetrics(current::get, Tags.of("app", "test")).bindTo(registry);
        assertEquals(11, counter("sigmalang.pool.acquires"));
        assertEquals(9, counter("sigmalang.pool.releases"));
        assertEquals(4, counter("sigmalang.pool.overflows"));
        assertEquals(5, counter("sigmalang.pool.resizes"));
        assertEquals(7, counter("sigmalang.pool.leaks"));
        assertEquals(2, gauge("sigmalang.pool.outstanding"));
        assertEquals(3, gauge("sigmalang.pool.outstanding.peak"));
        assertEquals(32768, gauge("sigmalang.pool.retained"));
        assertEquals(40960, gauge("sigmalang.pool.retained.peak"));
        assertEquals(8, gauge("sigmalang.pool.capacity"));
        assertEquals(20, counter("sigmalang.encoder.messages"));
        assertEquals(2000, counter("sigmalang.encoder.bytes.in"));
        assertEquals(600, counter("sigmalang.encoder.bytes.out"));

        FunctionTimer full = registry.get("sigmalang.encoder.encodes").tags("path", "full").functionTimer();
        assertEquals(12, full.count());
        assertEquals(1.2, full.totalTime(TimeUnit.MILLISECONDS), 1e-9);
        assertEquals(5, registry.get("sigmalang.encoder.encodes").tags("path", "bank_reference").functionTimer().count());
        assertEquals(45, registry.get("sigmalang.encoder.path.bytes").tags("path", "context_delta")
                .functionCounter().count());

        current.set(Stats.encoder(3));
        assertEquals(33, counter("sigmalang.pool.acquires"));
        assertEquals(36, full.count());
    }

    @Test
    void metersKeepReadingAfterACollectionWhenOnlyTheRegistryHoldsTheSource() throws InterruptedException {
        // As the documentation shows it: a method reference made on the spot, held by nothing but the meters.
        bindThroughAFreshSupplier();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        current.set(Stats.encoder(3));
        assertEquals(33, counter("sigmalang.pool.acquires"));
        assertEquals(3 * 32768, gauge("sigmalang.pool.retained"));
        assertEquals(36, registry.get("sigmalang.encoder.encodes").tags("path", "full").functionTimer().count());
    }

    private void bindThroughAFreshSupplier() {
        AtomicReference<EncoderStats> source = current;
        new EncoderMetrics(() -> source.get(), Tags.of("app", "test")).bindTo(registry);
    }
}
