package io.sigmalang.bench;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Reads the JVM's memory gauges for the report: the peak of heap used since the last {@link #resetPeaks()}, and
 * the native memory held by direct buffers and FFM segments.
 */
final class HeapGauge {
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    private final BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> pool.getName().equals("direct"))
            .findFirst()
            .orElse(null);

    /** Collects garbage, then restarts every heap pool's peak from its current use. */
    void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : heapPools) {
            pool.resetPeakUsage();
        }
    }

    /**
     * Heap used at peak since {@link #resetPeaks()}: the sum of each heap pool's peak (the pools may have peaked
     * at different moments, so this is an upper bound of the simultaneous peak).
     */
    long peakHeapUsed() {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** Bytes of native memory held now by direct buffers (and FFM segments, which the JVM counts there). */
    long directUsed() {
        return direct == null ? 0 : direct.getMemoryUsed();
    }
}
