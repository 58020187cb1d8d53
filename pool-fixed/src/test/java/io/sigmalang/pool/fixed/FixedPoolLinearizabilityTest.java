package io.sigmalang.pool.fixed;

import io.sigmalang.domain.pool.PoolLinearizability;
import org.junit.jupiter.api.Test;

/** Acquire and release of the fixed pool are linearizable (Lincheck; see {@link PoolLinearizability}). */
public class FixedPoolLinearizabilityTest extends PoolLinearizability {

    public FixedPoolLinearizabilityTest() {
        super(new FixedBufferPool(twoSmallBuffers()));
    }

    @Test
    void acquireAndReleaseAreLinearizable() {
        check(FixedPoolLinearizabilityTest.class);
    }
}
