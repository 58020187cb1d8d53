package io.sigmalang.adapters;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser, tree JSON and container artifact brings no metrics library: an application that only parses
 * gets jackson-core and the domain, nothing more. The Micrometer and JMX views live in {@code sigmalang-metrics}
 * ({@code adapters/metrics}). This module's test class path is its compile and runtime class path plus JUnit,
 * Mockito and jackson-databind (none of which brings these), so a metrics library showing up here means
 * a pom brought it back.
 */
class NoMetricsLibrariesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "io.micrometer.core.instrument.MeterRegistry", // micrometer-core
            "io.micrometer.common.KeyValue", // micrometer-commons
            "io.micrometer.observation.Observation", // micrometer-observation
            "org.HdrHistogram.Histogram", // HdrHistogram
            "org.jspecify.annotations.Nullable"}) // jspecify
    void isNotOnTheClassPath(String className) {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName(className, false, NoMetricsLibrariesTest.class.getClassLoader()));
    }
}
