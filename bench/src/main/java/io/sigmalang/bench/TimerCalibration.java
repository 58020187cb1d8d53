package io.sigmalang.bench;

/** Measures what an empty timed region (two back-to-back {@link System#nanoTime()} reads) costs here. */
final class TimerCalibration {
    private TimerCalibration() {
    }

    /** The average cost in nanoseconds of an empty timed region, over {@code samples} regions. */
    static double emptyRegionNanos(int samples) {
        long total = 0;
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            long end = System.nanoTime();
            total += end - start;
        }
        return (double) total / samples;
    }
}
