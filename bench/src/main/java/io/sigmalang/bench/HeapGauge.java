package io.sigmalang.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** Reads the peak of heap used since the last {@link #resetPeaks()}, from the JVM's heap memory pools. */
final class HeapGauge {
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();

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
}
