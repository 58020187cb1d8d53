package io.sigmalang.domain.pool.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.testing.HeapTestPool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog on strategies of this test: lookup by name, validation of every knob, the footprint bound. */
class PoolCatalogTest {
    private static final PoolKnob SPARE = new PoolKnob("pool.tiny.spare", "spare buffers", new KnobKind.Whole(0, 8), 2);

    /** A strategy with one knob of its own and a check across it and a common knob. */
    private static final class Tiny implements PoolStrategyProvider {
        @Override
        public String name() {
            return "tiny";
        }

        @Override
        public String description() {
            return "a heap test pool";
        }

        @Override
        public List<PoolKnob> knobs() {
            return List.of(SPARE);
        }

        @Override
        public void check(PoolConfiguration c) {
            if (c.integer(SPARE) > c.integer(CommonKnobs.CAPACITY)) {
                throw c.refuse(SPARE, "must not exceed", CommonKnobs.CAPACITY);
            }
        }

        @Override
        public BufferPool create(PoolConfiguration c) {
            return new HeapTestPool(c.integer(CommonKnobs.BUFFER_SIZE));
        }
    }

    private static final PoolCatalog CATALOG = PoolCatalog.of(List.of(new Tiny()));

    private static String refusal(Map<String, ?> raw) {
        return assertThrows(InvalidPoolConfigurationException.class,
                () -> CATALOG.create(CATALOG.configure("tiny", raw, Map.of()))).getMessage();
    }

    @Test
    void buildsAPoolByNameFromAMapOfStrings() {
        try (BufferPool pool = CATALOG.create("tiny", Map.of("pool.buffer-size", "512", "pool.tiny.spare", "3"))) {
            assertEquals(512, pool.bufferSize());
        }
        assertEquals(List.of("tiny"), CATALOG.names());
        assertEquals("pool.tiny.spare", CATALOG.knobs().getLast().key(), "common knobs first, then the strategy's");
    }

    @Test
    void anUnknownStrategyListsTheInstalledOnes() {
        InvalidPoolConfigurationException e = assertThrows(InvalidPoolConfigurationException.class,
                () -> CATALOG.create("huge", Map.of()));
        assertEquals("invalid configuration: pool.strategy = \"huge\": expected one of tiny", e.getMessage());
    }

    @Test
    void everyRefusalIsOneLineWithKeyValueOriginAndWhatIsAllowed() {
        assertEquals("invalid configuration: unknown key pool.tiny.spares (from built-in defaults): known keys are "
                + "pool.capacity, pool.buffer-size, pool.leak-detection, pool.leak-sample-interval, pool.bound.max-bytes,"
                + " pool.bound.policy, pool.bound.max-wait, pool.tiny.spare", refusal(Map.of("pool.tiny.spares", "1")));
        assertEquals("invalid configuration: pool.tiny.spare = 9 (from built-in defaults): expected an integer 0..8",
                refusal(Map.of("pool.tiny.spare", 9)));
        assertEquals("invalid configuration: pool.tiny.spare = a list of 2 values [1, 2] (from built-in defaults):"
                + " expected an integer 0..8", refusal(Map.of("pool.tiny.spare", List.of(1, 2))));
        assertEquals("invalid configuration: pool.tiny.spare = an object with 1 key [a] (from built-in defaults):"
                + " expected an integer 0..8", refusal(Map.of("pool.tiny.spare", Map.of("a", 1))));
        assertEquals("invalid configuration: pool.tiny.spare = a multi-line text \"1\\n\\t2\\u0000\" (from built-in"
                + " defaults): expected an integer 0..8", refusal(Map.of("pool.tiny.spare", "1\n\t2\0")));
        String longValue = "x".repeat(500);
        String cut = refusal(Map.of("pool.tiny.spare", longValue));
        assertTrue(cut.contains("\"" + "x".repeat(60) + "\"… (500 characters)"), cut);
        assertEquals("invalid configuration: pool.tiny.spare = 3 (from built-in defaults) must not exceed"
                + " pool.capacity = 2 (from built-in defaults)", refusal(Map.of("pool.tiny.spare", "3",
                        "pool.capacity", "2")));
    }

    @Test
    void aFootprintAbove1GiBIsRefusedNamingBothKeys() {
        // 2 × 512 MiB = 1 GiB is allowed; 3 × 512 MiB is not.
        CATALOG.chosen(CATALOG.configure("tiny", Map.of("pool.capacity", "2", "pool.buffer-size", "536870912"),
                Map.of()));
        assertEquals("invalid configuration: pool.capacity × pool.buffer-size = 3 × 536870912 = 1610612736 bytes (from"
                + " built-in defaults; built-in defaults) exceeds the 1GiB a configured tiny pool may retain: lower"
                + " pool.capacity or pool.buffer-size",
                refusal(Map.of("pool.capacity", "3", "pool.buffer-size", "536870912")));
    }

    @Test
    void twoStrategiesOfOneNameOrAKnobOutsideItsPrefixAreRefused() {
        assertThrows(IllegalStateException.class, () -> PoolCatalog.of(List.of(new Tiny(), new Tiny())));
        PoolStrategyProvider stray = new PoolStrategyProvider() {
            @Override
            public String name() {
                return "stray";
            }

            @Override
            public String description() {
                return "declares a knob of another strategy";
            }

            @Override
            public List<PoolKnob> knobs() {
                return List.of(SPARE);
            }

            @Override
            public BufferPool create(PoolConfiguration configuration) {
                throw new AssertionError("never built");
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PoolCatalog.of(List.of(stray)));
        assertTrue(e.getMessage().contains("must be under pool.stray."), e.getMessage());
    }

    @Test
    void theDomainAloneInstallsNoStrategy() {
        assertEquals(List.of(), PoolCatalog.installed().names());
    }
}
