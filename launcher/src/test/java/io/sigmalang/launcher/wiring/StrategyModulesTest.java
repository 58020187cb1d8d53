package io.sigmalang.launcher.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.sigmalang.domain.pool.BoundPolicy;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.LeakDetection;
import io.sigmalang.domain.pool.PoolBound;
import io.sigmalang.domain.pool.PoolSettings;
import io.sigmalang.domain.pool.spi.CommonKnobs;
import io.sigmalang.domain.pool.spi.InvalidPoolConfigurationException;
import io.sigmalang.launcher.config.ConfigLoader;
import io.sigmalang.launcher.config.ConfigSources;
import io.sigmalang.launcher.config.InvalidConfigException;
import io.sigmalang.launcher.config.SigmalangConfig;
import io.sigmalang.pool.adaptive.AdaptiveBufferPool;
import io.sigmalang.pool.adaptive.AdaptivePoolProvider;
import io.sigmalang.pool.adaptive.AdaptiveSettings;
import io.sigmalang.pool.fixed.FixedBufferPool;
import io.sigmalang.pool.offheap.OffHeapBufferPool;
import io.sigmalang.pool.offheap.OffHeapPoolProvider;
import io.sigmalang.pool.offheap.OffHeapSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped strategies as the launcher finds them (ServiceLoader): each key reaches the pool's own settings,
 * and an unconfigured run gets the pools' defaults.
 */
class StrategyModulesTest {

    private static SigmalangConfig config(String... keyValues) {
        List<ConfigSources.Option> options = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.add(new ConfigSources.Option(keyValues[i], keyValues[i + 1], "--set"));
        }
        return new ConfigLoader().load(new ConfigSources(null, Map.of(), new Properties(), options));
    }

    @Test
    void withNothingConfiguredEachPoolGetsItsOwnDefaults() {
        SigmalangConfig defaults = SigmalangConfig.defaults();
        assertEquals(AdaptiveSettings.defaults(), AdaptivePoolProvider.settings(defaults.pool()));
        assertEquals(OffHeapSettings.defaults(), OffHeapPoolProvider.settings(defaults.pool()));
        assertEquals(PoolSettings.defaults(), CommonKnobs.preallocated(defaults.pool().withStrategy("fixed")));
    }

    @Test
    void everyAdaptiveKeyReachesAdaptiveSettings() {
        AdaptiveSettings s = AdaptivePoolProvider.settings(config(
                "pool.adaptive.initial-capacity", "6", "pool.adaptive.min-capacity", "2",
                "pool.adaptive.max-capacity", "9", "pool.adaptive.window-acquires", "7",
                "pool.adaptive.grow-above", "0.5", "pool.adaptive.shrink-below", "0.25",
                "pool.adaptive.grow-factor", "2", "pool.adaptive.shrink-factor", "0.5",
                "pool.adaptive.idle-trim-after", "5m", "pool.buffer-size", "128", "pool.capacity", "1000").pool());
        assertEquals(6, s.pool().capacity(), "the adaptive pool starts at its own initial capacity, not pool.capacity");
        assertEquals(128, s.pool().bufferSize());
        assertEquals(List.of(2, 9, 7), List.of(s.minCapacity(), s.maxCapacity(), s.windowAcquires()));
        assertEquals(List.of(0.5, 0.25, 2.0, 0.5), List.of(s.growAbove(), s.shrinkBelow(), s.growFactor(), s.shrinkFactor()));
        assertEquals(Duration.ofMinutes(5), s.idleTrimAfter());
    }

    @Test
    void sharedKeysReachPoolSettings() {
        PoolSettings s = CommonKnobs.preallocated(config("pool.capacity", "8", "pool.buffer-size", "1024",
                "pool.leak-detection", "sampled", "pool.leak-sample-interval", "16", "pool.bound.max-bytes", "1MiB",
                "pool.bound.policy", "wait", "pool.bound.max-wait", "200ms").pool());
        assertEquals(8, s.capacity());
        assertEquals(1024, s.bufferSize());
        assertEquals(LeakDetection.sampled(16), s.leakDetection());
        assertEquals(PoolBound.waitUpTo(1 << 20, Duration.ofMillis(200)), s.bound());
        assertEquals(BoundPolicy.FAIL_FAST, CommonKnobs.preallocated(config("pool.bound.max-bytes", "1MiB",
                "pool.bound.policy", "fail-fast").pool()).bound().atBound());
        assertEquals(LeakDetection.strict(), CommonKnobs.preallocated(config("pool.leak-detection", "strict").pool())
                .leakDetection());
        assertTrue(OffHeapPoolProvider.settings(config("pool.offheap.zeroing", "on-release").pool()).zeroOnRelease());
    }

    @Test
    void preallocatedBuffersMustFitTheBound() {
        InvalidPoolConfigurationException e = assertThrows(InvalidPoolConfigurationException.class,
                () -> CommonKnobs.preallocated(config("pool.strategy", "adaptive", "pool.capacity", "4",
                        "pool.bound.max-bytes", "12KiB").pool().withStrategy("fixed")));
        assertEquals("invalid configuration: pool.capacity × pool.buffer-size = 4 × 4096 = 16384 bytes (from command-line"
                + " option --set; built-in defaults) must not exceed pool.bound.max-bytes = 12KiB (from command-line option"
                + " --set): the fixed pool allocates all its buffers up front", e.getMessage());
        // Exactly at the bound is allowed.
        assertEquals(4, CommonKnobs.preallocated(config("pool.capacity", "4", "pool.bound.max-bytes", "16KiB").pool())
                .capacity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "adaptive", "offheap"})
    void eachNameBuildsItsPool(String strategy) {
        Injector injector = SigmalangModules.injector(SigmalangConfig.defaults().withStrategy(strategy),
                SigmalangModules.strategies());
        try (BufferPool pool = injector.getInstance(BufferPool.class)) {
            assertEquals(strategy, pool.name());
            Class<?> expected = switch (strategy) {
                case "fixed" -> FixedBufferPool.class;
                case "adaptive" -> AdaptiveBufferPool.class;
                default -> OffHeapBufferPool.class;
            };
            assertInstanceOf(expected, pool);
            assertEquals(4096, pool.bufferSize());
        }
    }

    @Test
    void aRefusedConfigurationReachesTheCallerAsAConfigurationError() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> config("pool.strategy", "fixed", "pool.bound.max-bytes", "8KiB"));
        assertTrue(e.getMessage().contains("the fixed pool allocates all its buffers up front"), e.getMessage());
        // Through the injector, with a configuration that was valid for another strategy.
        SigmalangConfig tight = config("pool.strategy", "adaptive", "pool.bound.max-bytes", "8KiB").withStrategy("fixed");
        ProvisionException wrapped = assertThrows(ProvisionException.class,
                () -> SigmalangModules.injector(tight, SigmalangModules.strategies()).getInstance(BufferPool.class));
        assertInstanceOf(InvalidConfigException.class, wrapped.getCause());
    }
}
