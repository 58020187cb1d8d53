package io.sigmalang.domain.pool;

/**
 * What a pool saw over one window of acquires, for a {@link CapacityRule}.
 *
 * @param acquires            acquires in the window (at least the window length)
 * @param overflowAllocations those of them served by an overflow buffer
 * @param peakOutstanding     the most leases out at once during the window (including those out when it began)
 * @param capacity            the capacity during the window
 */
public record DemandWindow(long acquires, long overflowAllocations, long peakOutstanding, int capacity) {

    /** Overflow allocations as a fraction of acquires (0 when there were none). */
    public double overflowRate() {
        return acquires == 0 ? 0.0 : (double) overflowAllocations / acquires;
    }
}
