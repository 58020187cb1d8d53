package io.sigmalang.pool.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sigmalang.domain.pool.PoolSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AdaptiveSettingsTest {

    private static void refused(String message, Executable settings) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, settings).getMessage());
    }

    @Test
    void theDefaultsAreTheIssuesNumbers() {
        AdaptiveSettings defaults = AdaptiveSettings.defaults();
        assertEquals(16, defaults.pool().capacity());
        assertEquals(4096, defaults.pool().bufferSize());
        assertEquals(16, defaults.minCapacity());
        assertEquals(128, defaults.maxCapacity());
        assertEquals(100, defaults.windowAcquires());
        assertEquals(0.05, defaults.growAbove());
        assertEquals(0.01, defaults.shrinkBelow());
        assertEquals(1.5, defaults.growFactor());
        assertEquals(0.75, defaults.shrinkFactor());
        assertEquals(Duration.ofSeconds(30), defaults.idleTrimAfter());
    }

    @Test
    void everyKnobSaysWhatItExpected() {
        AdaptiveSettings d = AdaptiveSettings.defaults();
        refused("minCapacity must be between 1 and 65536, was 0", () -> d.withCapacityRange(0, 128));
        refused("maxCapacity must be between 16 and 65536, was 8", () -> d.withCapacityRange(16, 8));
        refused("capacity must be between 16 and 128, was 8", () -> d.withPool(PoolSettings.defaults().withCapacity(8)));
        refused("windowAcquires must be between 1 and 1000000000, was 0", () -> d.withWindowAcquires(0));
        refused("growAbove must be between 0.0 and 1.0, was 1.5", () -> d.withThresholds(1.5, 0.01));
        refused("shrinkBelow must be between 0.0 and 0.05, was 0.06", () -> d.withThresholds(0.05, 0.06));
        refused("growFactor must be above 1 and at most 16, was 1.0", () -> d.withFactors(1.0, 0.75));
        refused("shrinkFactor must be above 0 and below 1, was 1.0", () -> d.withFactors(1.5, 1.0));
        refused("idleTrimAfter must be between PT0.001S and PT24H, was PT0S", () -> d.withIdleTrimAfter(Duration.ZERO));
    }
}
