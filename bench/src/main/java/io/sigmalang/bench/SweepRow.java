package io.sigmalang.bench;

/**
 * What one strategy at one capacity did under one workload of the report.
 *
 * @param workload          {@code corpus} or {@code burst}
 * @param strategy          the pool strategy's name
 * @param capacity          the capacity the pool was built with
 * @param acquires          leases taken during the measured run
 * @param acquireNanos      average nanoseconds per acquire, the empty-region timer cost subtracted
 * @param releaseNanos      average nanoseconds per release, the empty-region timer cost subtracted
 * @param rawAcquireNanos   average nanoseconds per timed acquire region, timer cost included
 * @param rawReleaseNanos   average nanoseconds per timed release region, timer cost included
 * @param retainedBytes     {@code PoolStats.retainedBytes} at the end of the run
 * @param peakRetainedBytes {@code PoolStats.peakRetainedBytes} at the end of the run
 * @param peakHeapUsedBytes peak heap used during the run (memory pool peaks reset after a GC at its start)
 * @param efficiency        acquires served from the pool's capacity, as a fraction of all acquires
 * @param overflowRate      acquires served by an overflow allocation, as a fraction of all acquires
 * @param overflows         acquires served by an overflow allocation
 * @param resizes           capacity changes the pool made
 * @param outstanding       leases not released at the end of the run (must be 0)
 * @param slowRegions       timed calls left out of the averages as descheduled (corpus only; 0 for bursts)
 */
record SweepRow(
        String workload,
        String strategy,
        int capacity,
        long acquires,
        double acquireNanos,
        double releaseNanos,
        double rawAcquireNanos,
        double rawReleaseNanos,
        long retainedBytes,
        long peakRetainedBytes,
        long peakHeapUsedBytes,
        double efficiency,
        double overflowRate,
        long overflows,
        long resizes,
        long outstanding,
        long slowRegions) {
}
