package io.sigmalang.pool.offheap;

import io.sigmalang.domain.pool.PoolLinearizability;
import org.junit.jupiter.api.Test;

/** Acquire and release of the offheap pool are linearizable (Lincheck; see {@link PoolLinearizability}). */
public class OffHeapPoolLinearizabilityTest extends PoolLinearizability {

    public OffHeapPoolLinearizabilityTest() {
        super(new OffHeapBufferPool(twoSmallBuffers()));
    }

    @Test
    void acquireAndReleaseAreLinearizable() {
        check(OffHeapPoolLinearizabilityTest.class);
    }
}
