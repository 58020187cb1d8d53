package io.sigmalang.pool.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.InvalidPoolConfigurationException;
import io.sigmalang.domain.pool.spi.PoolCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adaptive strategy as a provider: its name, its knobs, the checks across them, and what it builds. */
class AdaptivePoolProviderTest {
    private static final PoolCatalog CATALOG = PoolCatalog.of(List.of(new AdaptivePoolProvider()));

    private static AdaptiveSettings settings(Map<String, ?> raw) {
        return AdaptivePoolProvider.settings(CATALOG.configure("adaptive", raw, Map.of()));
    }

    private static String refusal(Map<String, ?> raw) {
        return assertThrows(InvalidPoolConfigurationException.class,
                () -> CATALOG.create(CATALOG.configure("adaptive", raw, Map.of()))).getMessage();
    }

    @Test
    void itIsTheAdaptiveStrategyWithItsNineKnobs() {
        AdaptivePoolProvider provider = new AdaptivePoolProvider();
        assertEquals("adaptive", provider.name());
        assertTrue(provider.description().contains("on demand"), provider.description());
        assertEquals(List.of("pool.adaptive.initial-capacity", "pool.adaptive.min-capacity",
                "pool.adaptive.max-capacity", "pool.adaptive.window-acquires", "pool.adaptive.grow-above",
                "pool.adaptive.shrink-below", "pool.adaptive.grow-factor", "pool.adaptive.shrink-factor",
                "pool.adaptive.idle-trim-after"), provider.knobs().stream().map(k -> k.key()).toList());
        assertEquals(AdaptivePoolProvider.MAX_CAPACITY, provider.capacityKnob());
    }

    @Test
    void sizedForACapacityStartsAndShrinksToAnEighthOfIt() {
        AdaptivePoolProvider provider = new AdaptivePoolProvider();
        assertEquals(Map.of("pool.adaptive.max-capacity", "128", "pool.adaptive.min-capacity", "16",
                "pool.adaptive.initial-capacity", "16"), provider.sizedFor(128));
        // 7 / 8 = 0, raised to 1.
        assertEquals("1", provider.sizedFor(7).get("pool.adaptive.min-capacity"));
    }

    @Test
    void theKnobsBecomeItsSettingsAndItBuildsAnAdaptivePool() {
        AdaptiveSettings s = settings(Map.of("pool.adaptive.min-capacity", "4", "pool.adaptive.max-capacity", "40",
                "pool.adaptive.initial-capacity", "8", "pool.adaptive.window-acquires", "50",
                "pool.adaptive.grow-above", "0.2", "pool.adaptive.shrink-below", "0.1",
                "pool.adaptive.grow-factor", "2", "pool.adaptive.shrink-factor", "0.5",
                "pool.adaptive.idle-trim-after", "2s"));
        assertEquals(new AdaptiveSettings(s.pool(), 4, 40, 50, 0.2, 0.1, 2.0, 0.5, Duration.ofSeconds(2)), s);
        assertEquals(8, s.pool().capacity());
        try (BufferPool pool = CATALOG.create("adaptive", Map.of())) {
            AdaptiveBufferPool adaptive = assertInstanceOf(AdaptiveBufferPool.class, pool);
            assertEquals(AdaptiveSettings.defaults(), adaptive.settings());
        }
    }

    @Test
    void knobsThatDoNotGoTogetherAreRefusedAndTheirBoundariesAccepted() {
        assertTrue(refusal(Map.of("pool.adaptive.min-capacity", "20", "pool.adaptive.max-capacity", "10",
                "pool.adaptive.initial-capacity", "10")).contains("pool.adaptive.min-capacity"));
        assertTrue(refusal(Map.of("pool.adaptive.initial-capacity", "15")).contains("must be at least"));
        assertTrue(refusal(Map.of("pool.adaptive.initial-capacity", "129")).contains("must not exceed"));
        assertTrue(refusal(Map.of("pool.adaptive.shrink-below", "0.06")).contains("pool.adaptive.shrink-below"));
        // Equal values are allowed on every one of those four checks.
        AdaptiveSettings equal = settings(Map.of("pool.adaptive.min-capacity", "16", "pool.adaptive.max-capacity",
                "16", "pool.adaptive.initial-capacity", "16", "pool.adaptive.shrink-below", "0.05"));
        assertEquals(16, equal.minCapacity());
        assertEquals(16, equal.maxCapacity());
        assertEquals(0.05, equal.shrinkBelow());
    }
}
