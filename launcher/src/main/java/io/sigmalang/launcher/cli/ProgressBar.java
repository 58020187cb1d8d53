package io.sigmalang.launcher.cli;

import java.io.PrintWriter;

/** A one-line progress bar on stderr, redrawn with a carriage return when the whole percentage changes. */
final class ProgressBar {
    /** Inputs above this many bytes get a progress bar (when stderr is a terminal). */
    static final long THRESHOLD = 1L << 20;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long total;
    private int shown = -1;

    ProgressBar(PrintWriter err, long total) {
        this.err = err;
        this.total = total;
    }

    /** Whether a bar is worth showing for an input of {@code size} bytes (-1 when unknown). */
    static boolean wanted(boolean interactive, long size) {
        return interactive && size > THRESHOLD;
    }

    void update(long done) {
        int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
        if (percent != shown) {
            shown = percent;
            int filled = percent * WIDTH / 100;
            err.printf("\r[%s%s] %3d%% %.1f/%.1f MB", "#".repeat(filled), " ".repeat(WIDTH - filled), percent,
                    done / 1e6, total / 1e6);
            err.flush();
        }
    }

    void finish() {
        update(total);
        err.println();
    }
}
