package io.sigmalang.domain.pool.engine;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.LeakDetection;
import io.sigmalang.domain.pool.LeakReport;
import io.sigmalang.domain.pool.OpenLeasesException;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tracks sampled (or all) leases of one pool: registers each with a {@link Cleaner} together with its acquire
 * site, and when one becomes unreachable unreleased, has the pool take its slot back and reports it. Exists
 * only when {@link LeakDetection#enabled()}; a pool without it allocates nothing per lease.
 *
 * <p>The tracker references the slot and stamp, never the lease, so the lease can become phantom reachable.
 * A release runs the cleanable itself ({@link Cleaner.Cleanable#clean()}), which deregisters it at once.
 */
final class LeakDetector {
    /** One cleaner thread for every pool in the JVM, started on first use. */
    private static final class Cleaners {
        static final Cleaner CLEANER = Cleaner.create();
    }

    private static final System.Logger LOG = System.getLogger("io.sigmalang.pool");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final BufferSlots slots;
    private final LeakDetection settings;
    private final boolean everyLease;
    private final boolean strict;
    private final Set<Tracker> open = ConcurrentHashMap.newKeySet();
    private final Queue<LeakReport> leaked = new ConcurrentLinkedQueue<>();

    LeakDetector(BufferSlots slots, LeakDetection settings) {
        this.slots = slots;
        this.settings = settings;
        this.everyLease = settings.level() != LeakDetection.Level.SAMPLED;
        this.strict = settings.level() == LeakDetection.Level.STRICT;
    }

    /** Whether the lease that brought its stripe's acquire count to {@code count} is to be tracked. */
    boolean tracks(int count) {
        return everyLease || Integer.remainderUnsigned(count, settings.sampleInterval()) == 0;
    }

    Tracker track(SlotLease lease, Slot slot, long stamp) {
        Tracker tracker = new Tracker(slot, stamp, acquireSite());
        open.add(tracker);
        tracker.cleanable = Cleaners.CLEANER.register(lease, tracker);
        return tracker;
    }

    /** The current stack without the pool's frames: it starts at the caller of {@code acquire()}. */
    private static List<StackTraceElement> acquireSite() {
        return WALKER.walk(frames -> frames
                .dropWhile(LeakDetector::isPoolFrame)
                .map(StackWalker.StackFrame::toStackTraceElement)
                .toList());
    }

    private static boolean isPoolFrame(StackWalker.StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        return type == LeakDetector.class || type == BufferSlots.class
                || (BufferPool.class.isAssignableFrom(type) && frame.getMethodName().equals("acquire"));
    }

    /** The open leases (and, in strict mode, the leaked ones), each with its acquire site. */
    List<LeakReport> openAndLeaked() {
        List<LeakReport> reports = new ArrayList<>(leaked);
        for (Tracker tracker : open) {
            reports.add(new LeakReport(slots.poolName(), false, tracker.site));
        }
        return reports;
    }

    /** For strict mode: fails the pool's close when leases are open or were leaked. */
    void checkOnClose() {
        if (strict) {
            List<LeakReport> reports = openAndLeaked();
            if (!reports.isEmpty()) {
                throw new OpenLeasesException(slots.poolName(), reports);
            }
        }
    }

    private void leaked(Tracker tracker) {
        if (!slots.reclaimLeaked(tracker.slot, tracker.stamp)) {
            return;
        }
        LeakReport report = new LeakReport(slots.poolName(), true, tracker.site);
        if (strict) {
            leaked.add(report);
        }
        try {
            settings.listener().leaked(report);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "leak listener of pool '" + slots.poolName() + "' failed", e);
        }
    }

    /** The cleaning action of one tracked lease. */
    final class Tracker implements Runnable {
        final Slot slot;
        final long stamp;
        final List<StackTraceElement> site;
        private final AtomicBoolean done = new AtomicBoolean();
        private Cleaner.Cleanable cleanable;

        Tracker(Slot slot, long stamp, List<StackTraceElement> site) {
            this.slot = slot;
            this.stamp = stamp;
            this.site = site;
        }

        /** The lease was released: stop tracking it. */
        void released() {
            if (done.compareAndSet(false, true)) {
                open.remove(this);
            }
            cleanable.clean();
        }

        /** Run by the cleaner once the lease is unreachable, or by {@link #released()}. */
        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                open.remove(this);
                leaked(this);
            }
        }
    }
}
