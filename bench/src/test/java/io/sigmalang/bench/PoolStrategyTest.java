package io.sigmalang.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.domain.pool.BufferPool;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The benchmarks take their strategies from the same place as the CLI: the installed providers. JMH needs its
 * parameters as constants, so this checks that they name exactly the installed strategies.
 */
class PoolStrategyTest {

    private static Set<String> installed() {
        return new TreeSet<>(PoolStrategy.installed().stream().map(PoolStrategy::label).toList());
    }

    private static Set<String> param(Class<?> state) throws NoSuchFieldException {
        return new TreeSet<>(List.of(state.getField("strategy").getAnnotation(Param.class).value()));
    }

    @Test
    void theBenchmarkParametersAreTheInstalledStrategies() throws NoSuchFieldException {
        assertEquals(Set.of("adaptive", "fixed", "offheap"), installed(), "the three pool modules are installed");
        assertEquals(installed(), param(PoolBenchmark.PooledState.class));
        Set<String> encode = new TreeSet<>(List.of(EncodeBenchmark.class.getDeclaredField("pool")
                .getAnnotation(Param.class).value()));
        encode.remove("single");
        assertEquals(installed(), encode);
    }

    @Test
    void eachStrategyIsBuiltAtTheCapacityAsked() {
        for (PoolStrategy strategy : PoolStrategy.installed()) {
            try (BufferPool pool = strategy.create(64, 1024)) {
                assertEquals(strategy.label(), pool.name());
                assertEquals(1024, pool.bufferSize());
                int expected = strategy.label().equals("adaptive") ? 8 : 64; // the adaptive pool starts at 64 / 8
                assertEquals(expected, pool.stats().capacity(), strategy.label());
            }
        }
    }
}
