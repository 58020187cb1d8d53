package io.sigmalang.pool.adaptive;

import io.sigmalang.domain.pool.PoolLinearizability;
import org.junit.jupiter.api.Test;

/**
 * Acquire and release of the adaptive pool are linearizable (Lincheck; see {@link PoolLinearizability}), with
 * windows of two acquires so that scenarios close windows, resize and let buffers go while others acquire.
 */
public class AdaptivePoolLinearizabilityTest extends PoolLinearizability {

    public AdaptivePoolLinearizabilityTest() {
        super(new AdaptiveBufferPool(AdaptiveSettings.defaults().withCapacityRange(1, 2).withPool(twoSmallBuffers())
                .withWindowAcquires(2)));
    }

    @Test
    void acquireAndReleaseAreLinearizable() {
        check(AdaptivePoolLinearizabilityTest.class);
    }
}
