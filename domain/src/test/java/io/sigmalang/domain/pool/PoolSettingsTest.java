package io.sigmalang.domain.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PoolSettingsTest {

    private static void refused(String message, Executable settings) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, settings).getMessage());
    }

    @Test
    void theDefaultsAreTheBaseline() {
        PoolSettings defaults = PoolSettings.defaults();
        assertEquals(32, defaults.capacity());
        assertEquals(4096, defaults.bufferSize());
        assertEquals(PoolBound.none(), defaults.bound());
        assertEquals(LeakDetection.Level.OFF, defaults.leakDetection().level());
        assertEquals(1, Integer.bitCount(defaults.stripes()));
    }

    @Test
    void everyKnobSaysWhatItExpected() {
        PoolSettings d = PoolSettings.defaults();
        refused("capacity must be between 1 and 65536, was 0", () -> d.withCapacity(0));
        refused("capacity must be between 1 and 65536, was 65537", () -> d.withCapacity(65537));
        refused("bufferSize must be between 1 and 1073741824, was 0", () -> d.withBufferSize(0));
        refused("stripes must be a power of two between 1 and 1024, was 3", () -> d.withStripes(3));
        refused("bound maxBytes must be at least one buffer (bufferSize 4096), was 100",
                () -> d.withBound(PoolBound.failFast(100)));
        refused("bound maxBytes must be between 1 and 9223372036854775807, was 0", () -> PoolBound.failFast(0));
        refused("bound maxWait must be between PT0.001S and PT1H, was PT0S",
                () -> PoolBound.waitUpTo(4096, Duration.ZERO));
        refused("bound maxWait must be between PT0.001S and PT1H, was PT2H",
                () -> PoolBound.waitUpTo(4096, Duration.ofHours(2)));
        refused("bound maxWait is only used by the WAIT policy and must be zero for FAIL_FAST, was PT1S",
                () -> new PoolBound(4096, BoundPolicy.FAIL_FAST, Duration.ofSeconds(1)));
        refused("leak sampleInterval must be between 1 and 1048576, was 0", () -> LeakDetection.sampled(0));
        refused("bound maxBytes must be at least capacity × bufferSize = 131072 for a pool that preallocates "
                + "its buffers, was 65536", () -> d.withBound(PoolBound.failFast(65536)).requirePreallocationWithinBound());
        assertEquals("capacity must not be null",
                assertThrows(NullPointerException.class, () -> PoolChecks.notNull("capacity", null)).getMessage());
    }
}
