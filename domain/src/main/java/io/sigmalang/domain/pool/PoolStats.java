package io.sigmalang.domain.pool;

/**
 * A point-in-time snapshot of a pool's counters. {@code outstanding == acquires - releases} in every snapshot.
 *
 * @param pool              the pool's name
 * @param capacity          how many buffers the pool keeps at most (its current capacity)
 * @param bufferSize        bytes per buffer
 * @param available         buffers retained and free to lease now
 * @param outstanding       leases not yet released (pooled and overflow)
 * @param peakOutstanding   the highest {@code outstanding} seen
 * @param acquires          leases handed out since creation
 * @param releases          leases returned since creation
 * @param overflowAllocations leases served by a buffer allocated outside the pool's capacity
 * @param resizes           capacity changes (adaptive pools)
 * @param retainedBytes     bytes of buffers the pool holds now (free or leased), overflow buffers excluded
 * @param peakRetainedBytes the highest {@code retainedBytes} seen
 * @param leaks             leases found unreachable without having been released
 */
public record PoolStats(
        String pool,
        int capacity,
        int bufferSize,
        int available,
        long outstanding,
        long peakOutstanding,
        long acquires,
        long releases,
        long overflowAllocations,
        long resizes,
        long retainedBytes,
        long peakRetainedBytes,
        long leaks) {

    /** Overflow allocations as a fraction of acquires (0 when nothing was acquired). */
    public double overflowRate() {
        return acquires == 0 ? 0.0 : (double) overflowAllocations / acquires;
    }
}
