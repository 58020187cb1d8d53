package io.sigmalang.bench;

/** Measures what an empty timed region (two back-to-back {@link System#nanoTime()} reads) costs here. */
final class TimerCalibration {
    /**
     * A timed pool call longer than this (100 µs) is the thread being descheduled, not the pool: left out of
     * per-call averages, and of the calibration alike.
     */
    static final long SLOW_REGION_NANOS = 100_000;

    private TimerCalibration() {
    }

    /**
     * The average cost in nanoseconds of an empty timed region, over {@code samples} regions (those longer than
     * {@link #SLOW_REGION_NANOS} left out), measured after as many regions again to let the JIT compile the loop.
     */
    static double emptyRegionNanos(int samples) {
        measure(samples);
        return measure(samples);
    }

    private static double measure(int samples) {
        long total = 0;
        long counted = 0;
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            long end = System.nanoTime();
            if (end - start <= SLOW_REGION_NANOS) {
                total += end - start;
                counted++;
            }
        }
        return counted == 0 ? 0 : (double) total / counted;
    }
}
