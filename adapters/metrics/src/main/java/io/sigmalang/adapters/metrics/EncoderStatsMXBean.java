package io.sigmalang.adapters.metrics;

import java.util.Map;

/**
 * An encoder's and its pool's statistics as a JMX MXBean (read-only; each read takes a fresh snapshot).
 * Per-path figures are maps keyed by the encoding path ({@code FULL}, {@code BANK_REFERENCE},
 * {@code CONTEXT_DELTA}, {@code CODEBOOK}); JMX shows them as tables.
 */
public interface EncoderStatsMXBean {

    /** The pool strategy's name. */
    String getPool();

    long getMessages();

    long getInputBytes();

    long getOutputBytes();

    long getAcquires();

    long getReleases();

    long getOverflows();

    long getOutstanding();

    long getPeakOutstanding();

    long getRetainedBytes();

    long getPeakRetainedBytes();

    long getResizes();

    long getLeaks();

    /** Messages encoded per path. */
    Map<String, Long> getEncodeCounts();

    /** Nanoseconds spent encoding per path. */
    Map<String, Long> getEncodeNanos();
}
