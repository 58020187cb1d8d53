package io.sigmalang.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sigmalang.adapters.metrics.EncoderMetrics;
import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.LeakDetection;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.pool.adaptive.AdaptiveBufferPool;
import io.sigmalang.pool.adaptive.AdaptiveSettings;
import io.sigmalang.pool.fixed.FixedBufferPool;
import io.sigmalang.pool.offheap.OffHeapBufferPool;
import io.sigmalang.pool.offheap.OffHeapSettings;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The JMX MXBean (as {@code encode} registers it) and the Micrometer binder publish the real pools' figures.
 * Each pool is driven into a state whose counters follow from the steps alone: two pooled buffers of 64 bytes,
 * three leases held (the third is an overflow), all released, then one lease leaked.
 */
class PoolMetricsTest {
    private static final int BUFFER = 64;
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    /** Two buffers of 64 bytes, every lease tracked, leaks counted without logging. */
    private static PoolSettings settings(int capacity) {
        return PoolSettings.defaults().withCapacity(capacity).withBufferSize(BUFFER)
                .withLeakDetection(LeakDetection.paranoid().withListener(report -> { }));
    }

    private static BufferPool pool(String strategy) {
        return switch (strategy) {
            case "fixed" -> new FixedBufferPool(settings(2));
            case "offheap" -> new OffHeapBufferPool(OffHeapSettings.defaults().withPool(settings(2)));
            // A window longer than the test: no resize here (resizes have their own test below).
            default -> new AdaptiveBufferPool(AdaptiveSettings.defaults().withCapacityRange(1, 4)
                    .withPool(settings(2)).withWindowAcquires(1_000_000));
        };
    }

    /** The figures as the MXBean shows them. */
    private static Map<String, Long> jmx(JmxRegistration registration) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String attribute : new String[] {"Acquires", "Overflows", "Releases", "Outstanding", "RetainedBytes",
                "PeakRetainedBytes", "Resizes", "Leaks"}) {
            out.put(attribute, (Long) SERVER.getAttribute(registration.name(), attribute));
        }
        return out;
    }

    /** The same figures as the Micrometer meters show them. */
    private static Map<String, Long> micrometer(MeterRegistry registry) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("Acquires", (long) registry.get("sigmalang.pool.acquires").functionCounter().count());
        out.put("Overflows", (long) registry.get("sigmalang.pool.overflows").functionCounter().count());
        out.put("Releases", (long) registry.get("sigmalang.pool.releases").functionCounter().count());
        out.put("Outstanding", (long) registry.get("sigmalang.pool.outstanding").gauge().value());
        out.put("RetainedBytes", (long) registry.get("sigmalang.pool.retained").gauge().value());
        out.put("PeakRetainedBytes", (long) registry.get("sigmalang.pool.retained.peak").gauge().value());
        out.put("Resizes", (long) registry.get("sigmalang.pool.resizes").functionCounter().count());
        out.put("Leaks", (long) registry.get("sigmalang.pool.leaks").functionCounter().count());
        return out;
    }

    /** The same figures straight from the pool. */
    private static Map<String, Long> direct(PoolStats s) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("Acquires", s.acquires());
        out.put("Overflows", s.overflowAllocations());
        out.put("Releases", s.releases());
        out.put("Outstanding", s.outstanding());
        out.put("RetainedBytes", s.retainedBytes());
        out.put("PeakRetainedBytes", s.peakRetainedBytes());
        out.put("Resizes", s.resizes());
        out.put("Leaks", s.leaks());
        return out;
    }

    private static Map<String, Long> expected(long acquires, long overflows, long releases, long outstanding,
            long retained, long peakRetained, long resizes, long leaks) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("Acquires", acquires);
        out.put("Overflows", overflows);
        out.put("Releases", releases);
        out.put("Outstanding", outstanding);
        out.put("RetainedBytes", retained);
        out.put("PeakRetainedBytes", peakRetained);
        out.put("Resizes", resizes);
        out.put("Leaks", leaks);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "adaptive", "offheap"})
    void jmxAndMicrometerShowTheRealPoolsFigures(String strategy) throws Exception {
        try (BufferPool pool = pool(strategy)) {
            Encoder encoder = new SigmaEncoder(pool);
            MeterRegistry registry = new SimpleMeterRegistry();
            new EncoderMetrics(encoder::stats, Tags.empty()).bindTo(registry);
            try (JmxRegistration registration = new JmxRegistration("metrics-test", encoder::stats)) {
                assertEquals(strategy, SERVER.getAttribute(registration.name(), "Pool"));
                assertEquals(strategy, registry.get("sigmalang.pool.acquires").functionCounter().getId().getTag("pool"));

                BufferLease a = pool.acquire();
                BufferLease b = pool.acquire();
                BufferLease c = pool.acquire();
                // Two pooled buffers (64 bytes each) and one overflow, all three out.
                Map<String, Long> held = expected(3, 1, 0, 3, 2 * BUFFER, 2 * BUFFER, 0, 0);
                assertEquals(held, jmx(registration), "JMX");
                assertEquals(held, micrometer(registry), "Micrometer");
                assertEquals(held, direct(pool.stats()), "the pool itself");

                a.close();
                b.close();
                c.close();
                // The overflow buffer is dropped on release; the two pooled ones stay.
                Map<String, Long> released = expected(3, 1, 3, 0, 2 * BUFFER, 2 * BUFFER, 0, 0);
                assertEquals(released, jmx(registration), "JMX");
                assertEquals(released, micrometer(registry), "Micrometer");

                leakOneLease(pool);
                gcUntil(() -> pool.stats().leaks() == 1);
                Map<String, Long> afterLeak = jmx(registration);
                assertEquals(1L, afterLeak.get("Leaks"));
                assertEquals(4L, afterLeak.get("Acquires"));
                assertEquals(1L, afterLeak.get("Outstanding"), "a leaked lease was never released");
                assertEquals(afterLeak, micrometer(registry), "Micrometer");
                assertEquals(afterLeak, direct(pool.stats()), "the pool itself");
            }
        }
    }

    @Test
    void resizesOfTheAdaptivePoolAreCounted() throws Exception {
        // One buffer to start, at most 4, a decision every 3 acquires: holding three leases at once overflows
        // twice in three acquires, far above the 5 % at which the pool grows.
        AdaptiveSettings settings = AdaptiveSettings.defaults().withCapacityRange(1, 4).withPool(settings(1))
                .withWindowAcquires(3);
        try (AdaptiveBufferPool pool = new AdaptiveBufferPool(settings)) {
            Encoder encoder = new SigmaEncoder(pool);
            MeterRegistry registry = new SimpleMeterRegistry();
            new EncoderMetrics(encoder::stats, Tags.empty()).bindTo(registry);
            try (JmxRegistration registration = new JmxRegistration("metrics-test", encoder::stats)) {
                for (int round = 0; round < 5; round++) {
                    try (BufferLease a = pool.acquire(); BufferLease b = pool.acquire(); BufferLease c = pool.acquire()) {
                        a.buffer().put((byte) 1);
                        b.buffer().put((byte) 2);
                        c.buffer().put((byte) 3);
                    }
                }
                long resizes = (Long) SERVER.getAttribute(registration.name(), "Resizes");
                assertTrue(resizes >= 1, "the pool grew at least once: " + pool.stats());
                assertTrue(pool.capacity() > 1, "the pool grew: " + pool.stats());
                assertEquals(resizes, (long) registry.get("sigmalang.pool.resizes").functionCounter().count());
                assertEquals(resizes, pool.stats().resizes());
            }
        }
    }

    private static void leakOneLease(BufferPool pool) {
        pool.acquire().buffer().put((byte) 7);
    }

    private static void gcUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the leaked lease was not found within 10 s");
            }
            System.gc();
            Thread.sleep(20);
        }
    }
}
