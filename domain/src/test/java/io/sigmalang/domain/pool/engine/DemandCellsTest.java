package io.sigmalang.domain.pool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DemandCellsTest {

    @Test
    void oneThreadSeesItsTruePeak() {
        DemandCells cells = new DemandCells(4);
        // Out: 1, 2, 3, 2, 1, 2, 3, 4, 3, 2, 1, 0: peak 4.
        int[] script = {+1, +1, +1, -1, -1, +1, +1, +1, -1, -1, -1, -1};
        for (int step : script) {
            if (step > 0) {
                cells.reserve(1);
            } else {
                cells.giveBack(1);
            }
        }
        assertEquals(4, cells.highest());
    }

    @Test
    void releasesOnOtherStripesAreFoundBeforeTheMarkRises() {
        DemandCells cells = new DemandCells(4);
        cells.reserve(0);
        cells.reserve(0);
        cells.giveBack(3); // released by a thread on another stripe
        cells.giveBack(2);
        cells.reserve(0);
        cells.reserve(1);
        assertEquals(2, cells.highest(), "two out at most: the slack was taken from stripes 2 and 3");
        cells.reserve(1);
        assertEquals(3, cells.highest());
    }

    @Test
    void theStripeCountCountsAcquires() {
        DemandCells cells = new DemandCells(2);
        assertEquals(1, cells.reserve(1));
        cells.giveBack(1);
        assertEquals(2, cells.reserve(1));
        assertEquals(1, cells.reserve(0));
    }

    @Test
    void aReviewIsAskedForOnExactlyTheWindowsLastAcquireWhenOneThreadAcquires() {
        // As the pool does: an acquire past its checkpoint asks; the review (here right after) counts and
        // re-arms. With 8 stripes the first checkpoint is at 100 / 8 = 12, then 12 + 88 = 100.
        for (int stripes : new int[] {1, 2, 8}) {
            DemandCells cells = new DemandCells(stripes);
            cells.startWindow(100);
            int closedAt = -1;
            int reviews = 0;
            for (int acquire = 1; acquire <= 150 && closedAt < 0; acquire++) {
                int count = cells.reserve(stripes - 1);
                if (cells.pastCheckpoint(stripes - 1, count)) {
                    cells.requestReview(stripes - 1, count);
                }
                if (cells.reviewRequested(stripes - 1)) {
                    reviews++;
                    cells.clearReviews();
                    long done = cells.windowCount();
                    if (done >= 100) {
                        closedAt = acquire;
                    } else {
                        cells.rearmPassed(100 - done);
                    }
                }
            }
            assertEquals(100, closedAt, stripes + " stripes");
            assertEquals(stripes == 1 ? 1 : 2, reviews, stripes + " stripes");
        }
    }

    @Test
    void aRequestNobodyOnItsStripeServesIsRaisedPoolWideAfterAWindow() {
        // Stripe 0 acquires, stripe 1 releases (a hand-off between threads): stripe 1 sees stripe 0's request
        // only through the pool-wide flag, raised once stripe 0 is a whole window (10) past its checkpoint (5).
        DemandCells cells = new DemandCells(2);
        cells.startWindow(10);
        int raisedAt = -1;
        for (int acquire = 1; acquire <= 30 && raisedAt < 0; acquire++) {
            int count = cells.reserve(0);
            if (cells.pastCheckpoint(0, count)) {
                cells.requestReview(0, count);
            }
            if (cells.reviewRequested(1)) {
                raisedAt = acquire;
            }
            assertEquals(acquire >= 5, cells.reviewRequested(0), "stripe 0's own flag at acquire " + acquire);
        }
        assertEquals(15, raisedAt);
        cells.clearReviews();
        assertEquals(false, cells.reviewRequested(0) || cells.reviewRequested(1));
    }

    @Test
    void aWindowPeakCountsFromWhatWasOutWhenItBegan() {
        DemandCells cells = new DemandCells(2);
        for (int i = 0; i < 5; i++) {
            cells.reserve(0);
        }
        for (int i = 0; i < 3; i++) {
            cells.giveBack(0);
        }
        assertEquals(5, cells.windowPeak(), "window 1: 5 out at most");
        assertEquals(2, cells.windowPeak(), "window 2: the 2 still out, nothing more");
        cells.reserve(1);
        cells.giveBack(1);
        assertEquals(3, cells.windowPeak(), "window 3: one more for a while");
        assertEquals(5, cells.highest(), "the all-time peak is kept");
    }

    @Test
    void theMarkNeverExceedsWhatThreadsCanHoldEvenWhileWindowsReset() throws Exception {
        int threads = 4;
        int each = 3;
        DemandCells cells = new DemandCells(2);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong windowPeaksAboveBound = new AtomicLong();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int stripe = t & 1;
            started.add(Thread.ofPlatform().start(() -> {
                int held = 0;
                long round = 0;
                while (running.get()) {
                    round++;
                    if (held < each && (held == 0 || (round * 0x9E3779B9L & 4) == 0)) {
                        cells.reserve(stripe);
                        held++;
                    } else {
                        cells.giveBack(stripe ^ (int) (round & 1)); // released on either stripe
                        held--;
                    }
                }
                for (; held > 0; held--) {
                    cells.giveBack(stripe);
                }
            }));
        }
        Thread resetter = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                if (cells.windowPeak() > threads * each) {
                    windowPeaksAboveBound.incrementAndGet();
                }
                Thread.onSpinWait();
            }
        });
        Thread.sleep(500);
        running.set(false);
        for (Thread thread : started) {
            thread.join();
        }
        resetter.join();
        assertTrue(cells.highest() <= threads * each, "peak " + cells.highest());
        assertTrue(cells.highest() >= 1);
        assertEquals(0, windowPeaksAboveBound.get());
        cells.windowPeak();
        assertEquals(0, cells.windowPeak(), "all given back: a window begun now starts at 0");
    }
}
