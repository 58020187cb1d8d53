/**
 * Micrometer meters and a JMX MXBean over an encoder's and its pool's statistics (artifact
 * {@code sigmalang-metrics}). Java 21.
 */
// Micrometer has no module descriptor (see below); those are the warnings this module accepts.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.sigmalang.adapters.metrics {
    requires transitive io.sigmalang.domain;
    // Micrometer ships no module descriptor; micrometer.core is its Automatic-Module-Name. Transitive because
    // EncoderMetrics is a Micrometer MeterBinder taking Micrometer tags.
    requires transitive micrometer.core;
    // EncoderStatsMXBean and the ObjectName it is registered under.
    requires transitive java.management;

    exports io.sigmalang.adapters.metrics;
}
