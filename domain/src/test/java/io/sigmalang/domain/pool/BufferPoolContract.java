package io.sigmalang.domain.pool;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.sigmalang.domain.pool.engine.BufferSlots;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link BufferPool} contract, written once and run against every strategy: each pool module has a test
 * class that extends this one and says how to build its pool from the common {@link PoolSettings}.
 *
 * <p>The settings a test asks for are what the contract relies on; a strategy may add behaviour beyond them
 * (the adaptive pool resizes after windows of acquires) but no test here runs long enough single-threaded to
 * reach a window, and the concurrent tests assert only what holds whatever the capacity.
 */
public abstract class BufferPoolContract {
    /** How long each stress test runs: the issue asks for at least a second. */
    private static final Duration STRESS = Duration.ofMillis(1000);
    private static final Duration GC_PATIENCE = Duration.ofSeconds(10);

    private final List<BufferPool> pools = new ArrayList<>();

    /** A new pool of the strategy under test, honouring every field of {@code settings}. */
    protected abstract BufferPool newPool(PoolSettings settings);

    /** The package holding the strategy's own classes, for the architecture checks. */
    protected abstract String strategyPackage();

    protected final BufferPool pool(PoolSettings settings) {
        BufferPool pool = newPool(settings);
        pools.add(pool);
        return pool;
    }

    protected static PoolSettings settings(int capacity, int bufferSize) {
        return PoolSettings.defaults().withCapacity(capacity).withBufferSize(bufferSize);
    }

    @AfterEach
    void closePools() {
        for (BufferPool pool : pools) {
            try {
                pool.close();
            } catch (OpenLeasesException expectedInStrictTests) {
                // The strict tests check this themselves.
            }
        }
    }

    // ------------------------------------------------------------------ leases

    @Test
    void aLeasedBufferIsAtZeroWithItsFullCapacityWhateverTheLastHolderDid() {
        BufferPool pool = pool(settings(2, 256));
        assertEquals(256, pool.bufferSize());
        for (int round = 0; round < 3; round++) {
            List<BufferLease> leases = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // the third is an overflow buffer
                BufferLease lease = pool.acquire();
                ByteBuffer buffer = lease.buffer();
                assertEquals(0, buffer.position(), "position");
                assertEquals(256, buffer.limit(), "limit");
                assertEquals(256, buffer.capacity(), "capacity");
                assertEquals(ByteOrder.BIG_ENDIAN, buffer.order(), "byte order");
                buffer.putLong(42).limit(100).position(50).order(ByteOrder.LITTLE_ENDIAN).mark();
                leases.add(lease);
            }
            leases.forEach(BufferLease::close);
        }
    }

    @Test
    void everyAcquireReturnsANewLeaseObject() {
        BufferPool pool = pool(settings(1, 64));
        BufferLease first = pool.acquire();
        first.close();
        BufferLease second = pool.acquire();
        assertNotSame(first, second);
        second.close();
    }

    @Test
    void aSecondReleaseThrowsAndNamesThePool() {
        BufferPool pool = pool(settings(4, 64));
        BufferLease lease = pool.acquire();
        lease.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, lease::close);
        assertTrue(e.getMessage().contains("pool '" + pool.name() + "'"), e.getMessage());
        assertEquals(1, pool.stats().releases(), "the refused release is not counted");
    }

    @Test
    void aReleasedLeaseRefusesItsBuffer() {
        BufferPool pool = pool(settings(4, 64));
        BufferLease lease = pool.acquire();
        lease.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, lease::buffer);
        assertTrue(e.getMessage().contains("pool '" + pool.name() + "'"), e.getMessage());
    }

    @Test
    void aStaleLeaseCannotReleaseTheNextHoldersBuffer() {
        BufferPool pool = pool(settings(1, 64));
        BufferLease stale = pool.acquire();
        ByteBuffer buffer = stale.buffer();
        stale.close();
        BufferLease current = pool.acquire();
        assertSame(buffer, current.buffer(), "a pool of one lends its one buffer again");

        assertThrows(IllegalStateException.class, stale::close);
        assertThrows(IllegalStateException.class, stale::buffer);

        assertSame(buffer, current.buffer(), "the current holder keeps its buffer");
        assertEquals(1, pool.stats().outstanding());
        try (BufferLease other = pool.acquire()) {
            assertNotSame(buffer, other.buffer(), "the held buffer was not put back by the stale release");
            assertEquals(1, pool.stats().overflowAllocations());
        }
        current.close();
        assertEquals(0, pool.stats().outstanding());
    }

    @Test
    void releasesRacingOnOneLeaseSucceedExactlyOnce() throws Exception {
        BufferPool pool = pool(settings(4, 64));
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int round = 0; round < 200; round++) {
                BufferLease lease = pool.acquire();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    attempts.add(threads.submit(() -> {
                        start.await();
                        try {
                            lease.close();
                            return true;
                        } catch (IllegalStateException refused) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int succeeded = 0;
                for (Future<Boolean> attempt : attempts) {
                    succeeded += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, succeeded, "round " + round);
            }
        }
        PoolStats stats = pool.stats();
        assertEquals(200, stats.acquires());
        assertEquals(200, stats.releases());
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void noTwoHoldersEverShareABufferOnPlatformThreads() throws Exception {
        BufferPool pool = pool(settings(4, 128));
        Stress stress = new Stress(pool, 4, Thread.ofPlatform().factory());
        stress.run(STRESS);
        stress.assertClean();
    }

    @Test
    void noTwoHoldersEverShareABufferOnVirtualThreads() throws Exception {
        BufferPool pool = pool(settings(8, 128));
        Stress stress = new Stress(pool, 32, Thread.ofVirtual().factory());
        stress.run(STRESS);
        stress.assertClean();
    }

    @Test
    void aHeldLeaseBlocksNoOtherThread() throws Exception {
        BufferPool pool = pool(settings(2, 64));
        try (BufferLease held = pool.acquire()) {
            held.buffer().put((byte) 1);
            try (ExecutorService other = Executors.newSingleThreadExecutor()) {
                Future<Long> work = other.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        try (BufferLease lease = pool.acquire()) {
                            lease.buffer().put((byte) 2);
                        }
                    }
                    return pool.stats().acquires();
                });
                assertEquals(10_001, work.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, held.buffer().get(0));
        }
    }

    // ------------------------------------------------------------------ overflow and stats

    @Test
    void beyondCapacityAnOverflowBufferIsCountedAndDroppedOnRelease() {
        BufferPool pool = pool(settings(4, 1024));
        List<BufferLease> leases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            leases.add(pool.acquire());
        }
        Set<Identity> distinct = ConcurrentHashMap.newKeySet();
        leases.forEach(lease -> distinct.add(new Identity(lease.buffer())));
        assertEquals(6, distinct.size(), "six holders, six buffers");

        PoolStats busy = pool.stats();
        assertEquals(2, busy.overflowAllocations());
        assertEquals(6, busy.outstanding());
        assertEquals(0, busy.available());
        assertEquals(2.0 / 6, busy.overflowRate(), 1e-12);
        assertEquals(4 * 1024, busy.retainedBytes(), "overflow buffers are not retained");

        leases.forEach(BufferLease::close);
        PoolStats quiet = pool.stats();
        assertEquals(4, quiet.available(), "only the capacity is kept");
        assertEquals(4 * 1024, quiet.retainedBytes());
        assertEquals(0, quiet.outstanding());

        for (int i = 0; i < 4; i++) {
            leases.set(i, pool.acquire());
        }
        assertEquals(2, pool.stats().overflowAllocations(), "the capacity is served from the pool again");
        leases.subList(0, 4).forEach(BufferLease::close);
    }

    @Test
    void statsCountWhatHappened() {
        BufferPool pool = pool(settings(4, 512));
        PoolStats fresh = pool.stats();
        assertEquals(pool.name(), fresh.pool());
        assertEquals(4, fresh.capacity());
        assertEquals(512, fresh.bufferSize());
        assertEquals(0, fresh.acquires());
        assertEquals(0, fresh.outstanding());
        assertEquals(0, fresh.overflowRate());

        BufferLease a = pool.acquire();
        BufferLease b = pool.acquire();
        BufferLease c = pool.acquire();
        b.close();
        PoolStats stats = pool.stats();
        assertEquals(3, stats.acquires());
        assertEquals(1, stats.releases());
        assertEquals(2, stats.outstanding());
        assertEquals(3, stats.peakOutstanding());
        assertEquals(0, stats.overflowAllocations());
        assertEquals(0, stats.leaks());
        assertEquals(stats.retainedBytes() / 512 - 2, stats.available(), "retained buffers not leased");
        assertTrue(stats.peakRetainedBytes() >= stats.retainedBytes());

        a.close();
        c.close();
        BufferLease d = pool.acquire();
        d.close();
        PoolStats after = pool.stats();
        assertEquals(4, after.acquires());
        assertEquals(4, after.releases());
        assertEquals(0, after.outstanding());
        assertEquals(3, after.peakOutstanding(), "the peak is kept");
    }

    /**
     * The stats against counts this test keeps itself, while four threads use the pool: every snapshot's
     * acquires and releases lie between what the threads had finished before it was taken and what they had
     * started after; its peak is at least the most leases the threads themselves knew to be out at once before
     * it was taken. None of these follows from how the pool computes its stats.
     */
    @Test
    void statsAgreeWithCountsTheTestKeepsWhileThreadsUseThePool() throws Exception {
        BufferPool pool = pool(settings(4, 128));
        AtomicLong acquiresStarted = new AtomicLong();
        AtomicLong acquiresDone = new AtomicLong();
        AtomicLong releasesStarted = new AtomicLong();
        AtomicLong releasesDone = new AtomicLong();
        AtomicLong held = new AtomicLong();
        AtomicLong mostHeld = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Queue<String> found = new ConcurrentLinkedQueue<>();
        Runnable user = () -> {
            List<BufferLease> mine = new ArrayList<>();
            for (long round = 0; running.get(); round++) {
                int want = (int) (round % 3);
                while (mine.size() < want) {
                    acquiresStarted.incrementAndGet();
                    mine.add(pool.acquire());
                    acquiresDone.incrementAndGet();
                    mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
                }
                while (mine.size() > want / 2) {
                    held.decrementAndGet();
                    releasesStarted.incrementAndGet();
                    mine.remove(mine.size() - 1).close();
                    releasesDone.incrementAndGet();
                }
            }
            mine.forEach(lease -> {
                held.decrementAndGet();
                releasesStarted.incrementAndGet();
                lease.close();
                releasesDone.incrementAndGet();
            });
        };
        List<Thread> users = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            users.add(Thread.ofPlatform().start(user));
        }
        long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
        int samples = 0;
        while (System.nanoTime() < deadline) {
            long acquiredBefore = acquiresDone.get();
            long releasedBefore = releasesDone.get();
            long mostHeldBefore = mostHeld.get();
            PoolStats s = pool.stats();
            long releasingAfter = releasesStarted.get();
            long acquiringAfter = acquiresStarted.get();
            samples++;
            if (s.acquires() < acquiredBefore || s.acquires() > acquiringAfter) {
                found.add("acquires " + s.acquires() + " outside [" + acquiredBefore + ", " + acquiringAfter + "]");
            }
            if (s.releases() < releasedBefore || s.releases() > releasingAfter) {
                found.add("releases " + s.releases() + " outside [" + releasedBefore + ", " + releasingAfter + "]");
            }
            if (s.peakOutstanding() < mostHeldBefore || s.peakOutstanding() > 8) {
                found.add("peak " + s.peakOutstanding() + " below the " + mostHeldBefore
                        + " the threads held, or above the 8 they can hold");
            }
        }
        running.set(false);
        for (Thread t : users) {
            t.join();
        }
        assertEquals(List.of(), List.copyOf(found).subList(0, Math.min(5, found.size())));
        assertTrue(samples > 10, "the sampler ran: " + samples);
        PoolStats end = pool.stats();
        assertTrue(acquiresDone.get() > 100, "the threads ran: " + acquiresDone.get());
        assertEquals(acquiresDone.get(), end.acquires(), "every acquire counted once");
        assertEquals(releasesDone.get(), end.releases(), "every release counted once");
        assertEquals(0, end.outstanding());
        assertTrue(end.peakOutstanding() >= mostHeld.get(), end + " vs " + mostHeld.get() + " held at once");
    }

    // ------------------------------------------------------------------ bound

    @Test
    void atTheBoundFailFastThrowsWithTheStats() {
        BufferPool pool = pool(settings(2, 1024).withBound(PoolBound.failFast(3 * 1024)));
        BufferLease a = pool.acquire();
        BufferLease b = pool.acquire();
        BufferLease c = pool.acquire(); // overflow, still within the bound
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class, pool::acquire);
        assertTrue(e.getMessage().contains("pool '" + pool.name() + "'"), e.getMessage());
        assertEquals(3, e.stats().outstanding());
        assertEquals(1, e.stats().overflowAllocations());
        assertEquals(3, pool.stats().acquires(), "the refused acquire is not counted");

        c.close();
        assertDoesNotThrow(() -> pool.acquire().close(), "a released overflow buffer frees its bytes");
        a.close();
        b.close();
    }

    @Test
    void atTheBoundTheDefaultPolicyAllocatesUnpooled() {
        BufferPool pool = pool(settings(2, 1024).withBound(PoolBound.allocateUnpooled(2 * 1024)));
        List<BufferLease> leases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            leases.add(pool.acquire());
        }
        assertEquals(2, pool.stats().overflowAllocations());
        leases.forEach(BufferLease::close);
        assertEquals(2 * 1024, pool.stats().retainedBytes());
    }

    @Test
    void atTheBoundWaitHandsTheNextReleasedBufferToTheWaiter() throws Exception {
        BufferPool pool = pool(settings(2, 1024).withBound(PoolBound.waitUpTo(2 * 1024, Duration.ofSeconds(20))));
        BufferLease a = pool.acquire();
        BufferLease b = pool.acquire();
        try (ExecutorService waiter = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch started = new CountDownLatch(1);
            Future<ByteBuffer> waiting = waiter.submit(() -> {
                started.countDown();
                try (BufferLease lease = pool.acquire()) {
                    return lease.buffer();
                }
            });
            started.await();
            Thread.sleep(50);
            assertFalse(waiting.isDone(), "nothing is free: the acquire waits");
            ByteBuffer released = a.buffer();
            a.close();
            assertSame(released, waiting.get(20, TimeUnit.SECONDS));
        }
        b.close();
        assertEquals(0, pool.stats().overflowAllocations());
    }

    @Test
    void atTheBoundWaitGivesUpAfterItsTimeout() {
        Duration wait = Duration.ofMillis(50);
        BufferPool pool = pool(settings(1, 1024).withBound(PoolBound.waitUpTo(1024, wait)));
        try (BufferLease held = pool.acquire()) {
            long start = System.nanoTime();
            PoolExhaustedException e = assertThrows(PoolExhaustedException.class, pool::acquire);
            assertTrue(System.nanoTime() - start >= wait.toNanos(), "it waited its time");
            assertEquals(1, e.stats().outstanding());
            assertTrue(held.buffer().capacity() > 0);
        }
    }

    @Test
    void aWaitingAcquireThrowsWhenThePoolCloses() throws Exception {
        BufferPool pool = pool(settings(1, 1024).withBound(PoolBound.waitUpTo(1024, Duration.ofSeconds(30))));
        BufferLease held = pool.acquire();
        try (ExecutorService waiter = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> waiting = waiter.submit(pool::acquire);
            Thread.sleep(50);
            pool.close();
            Exception e = assertThrows(Exception.class, () -> waiting.get(20, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
        held.close();
    }

    // ------------------------------------------------------------------ leaks

    @Test
    void paranoidReportsAnUnreachableLeaseWithItsAcquireSiteAndTakesItsSlotBack() {
        Queue<LeakReport> reports = new ConcurrentLinkedQueue<>();
        BufferPool pool = pool(settings(1, 64).withLeakDetection(LeakDetection.paranoid().withListener(reports::add)));
        leakOneLease(pool);
        gcUntil(() -> !reports.isEmpty());

        LeakReport report = reports.peek();
        assertTrue(report != null && report.leaked());
        assertEquals(pool.name(), report.pool());
        StackTraceElement site = report.acquireSite().getFirst();
        assertEquals("leakOneLease", site.getMethodName(), report.describe());
        PoolStats stats = pool.stats();
        assertEquals(1, stats.leaks());
        assertEquals(1, stats.outstanding(), "a leaked lease was never released");

        try (BufferLease lease = pool.acquire()) {
            assertTrue(lease.buffer().hasRemaining());
        }
        assertEquals(0, pool.stats().overflowAllocations(), "the leaked slot serves again, with a new buffer");
    }

    @Test
    void sampledTracksOneLeaseInN() {
        Queue<LeakReport> reports = new ConcurrentLinkedQueue<>();
        BufferPool pool = pool(settings(16, 64).withLeakDetection(LeakDetection.sampled(4).withListener(reports::add)));
        for (int i = 0; i < 8; i++) {
            leakOneLease(pool);
        }
        gcUntil(() -> reports.size() >= 2);
        gcRounds(5);
        assertEquals(2, reports.size(), "leases 4 and 8 of this thread were tracked, no other");
        assertEquals(2, pool.stats().leaks());
        for (LeakReport report : reports) {
            assertEquals("leakOneLease", report.acquireSite().getFirst().getMethodName());
        }
    }

    @Test
    void offTracksNothing() {
        Queue<LeakReport> reports = new ConcurrentLinkedQueue<>();
        BufferPool pool = pool(settings(4, 64).withLeakDetection(LeakDetection.off().withListener(reports::add)));
        for (int i = 0; i < 4; i++) {
            leakOneLease(pool);
        }
        gcRounds(5);
        assertEquals(List.of(), List.copyOf(reports));
        assertEquals(0, pool.stats().leaks());
        assertEquals(4, pool.stats().outstanding());
    }

    @Test
    void strictCloseFailsAndListsTheOpenLeasesWithTheirSites() {
        BufferPool pool = pool(settings(4, 64).withLeakDetection(LeakDetection.strict().withListener(r -> { })));
        BufferLease open = openLease(pool);
        pool.acquire().close();
        OpenLeasesException e = assertThrows(OpenLeasesException.class, pool::close);
        assertEquals(1, e.leases().size());
        LeakReport report = e.leases().getFirst();
        assertFalse(report.leaked());
        assertEquals("openLease", report.acquireSite().getFirst().getMethodName());
        assertTrue(e.getMessage().contains("openLease"), e.getMessage());
        assertThrows(IllegalStateException.class, pool::acquire, "the pool is closed all the same");
        open.close();
    }

    @Test
    void strictCloseSucceedsOnceEveryLeaseIsReleased() {
        BufferPool pool = pool(settings(4, 64).withLeakDetection(LeakDetection.strict().withListener(r -> { })));
        BufferLease lease = openLease(pool);
        lease.close();
        assertDoesNotThrow(pool::close);
    }

    private static void leakOneLease(BufferPool pool) {
        pool.acquire().buffer().put((byte) 7);
    }

    private static BufferLease openLease(BufferPool pool) {
        return pool.acquire();
    }

    // ------------------------------------------------------------------ close

    @Test
    void acquireAfterCloseThrowsAndNamesThePool() {
        BufferPool pool = pool(settings(4, 64));
        pool.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, pool::acquire);
        assertTrue(e.getMessage().contains("pool '" + pool.name() + "'"), e.getMessage());
    }

    @Test
    void closeLetsGoOfTheBuffersAndIsIdempotent() {
        BufferPool pool = pool(settings(4, 64));
        pool.acquire().close();
        pool.close();
        PoolStats stats = pool.stats();
        assertEquals(0, stats.retainedBytes());
        assertEquals(0, stats.available());
        assertDoesNotThrow(pool::close);
    }

    @Test
    void aLeaseOutAtCloseRefusesItsBufferButItsReleaseIsAccepted() {
        BufferPool pool = pool(settings(2, 64));
        BufferLease pooled = pool.acquire();
        BufferLease second = pool.acquire();
        BufferLease overflow = pool.acquire();
        pool.close();
        for (BufferLease lease : List.of(pooled, second, overflow)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, lease::buffer);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertDoesNotThrow(lease::close);
            assertThrows(IllegalStateException.class, lease::close, "still only once");
        }
        PoolStats stats = pool.stats();
        assertEquals(3, stats.releases());
        assertEquals(0, stats.outstanding());
    }

    // ------------------------------------------------------------------ architecture

    @Test
    void noThreadLocalAndNoSynchronizedMethods() {
        // The rules need only the names of the types the pool refers to: resolving them all from the
        // classpath (the default) would import half the JDK and take seconds.
        ArchConfiguration archUnit = ArchConfiguration.get();
        boolean resolving = archUnit.resolveMissingDependenciesFromClassPath();
        archUnit.setResolveMissingDependenciesFromClassPath(false);
        JavaClasses classes;
        try {
            classes = new ClassFileImporter()
                    .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
                    .importPackages(strategyPackage(), "io.sigmalang.domain.pool");
        } finally {
            archUnit.setResolveMissingDependenciesFromClassPath(resolving);
        }
        assertTrue(classes.contain(BufferSlots.class), "the shared machinery is checked too");
        ArchRuleDefinition.noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class)
                .because("thread-local caches multiply with virtual threads; pools stripe by thread id")
                .check(classes);
        ArchRuleDefinition.noMethods().should().haveModifier(JavaModifier.SYNCHRONIZED)
                .because("a pool must not pin a virtual thread to its carrier on Java 21")
                .check(classes);
    }

    // ------------------------------------------------------------------ support

    /** Forces collections, a bounded number of times, until {@code done} holds. */
    protected static void gcUntil(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + GC_PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "nothing happened after " + GC_PATIENCE + " of collections");
            gcRounds(1);
        }
    }

    protected static void gcRounds(int rounds) {
        for (int i = 0; i < rounds; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Identity, for sets of buffers ({@link ByteBuffer#equals} compares contents). */
    protected record Identity(Object object) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    /**
     * Threads that each hold up to two leases at a time, write a canary of their own into every buffer, yield,
     * and check it before release; a shared identity set catches two holders of one buffer directly.
     */
    protected static final class Stress {
        private final BufferPool pool;
        private final int threads;
        private final ThreadFactory factory;
        private final Set<Identity> held = ConcurrentHashMap.newKeySet();
        private final AtomicLong mismatches = new AtomicLong();
        private final AtomicLong sharedBuffers = new AtomicLong();
        private final AtomicLong acquires = new AtomicLong();
        private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

        public Stress(BufferPool pool, int threads, ThreadFactory factory) {
            this.pool = pool;
            this.threads = threads;
            this.factory = factory;
        }

        public void run(Duration duration) throws InterruptedException {
            long end = System.nanoTime() + duration.toNanos();
            List<Thread> started = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long token = 0x5A5A_0000_0000_0000L | ((long) t << 32);
                started.add(factory.newThread(() -> work(token, end)));
            }
            started.forEach(Thread::start);
            for (Thread thread : started) {
                thread.join();
            }
        }

        private void work(long token, long end) {
            try {
                long round = 0;
                while (System.nanoTime() < end) {
                    round++;
                    BufferLease first = take();
                    long canary = token | (round & 0xFFFF_FFFFL);
                    write(first, canary);
                    BufferLease second = null;
                    if ((round & 1) == 0) {
                        second = take();
                        write(second, ~canary);
                    }
                    if ((round & 7) == 0) {
                        Thread.yield();
                    }
                    check(first, canary);
                    give(first);
                    if (second != null) {
                        check(second, ~canary);
                        give(second);
                    }
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }

        private BufferLease take() {
            BufferLease lease = pool.acquire();
            acquires.incrementAndGet();
            if (!held.add(new Identity(lease.buffer()))) {
                sharedBuffers.incrementAndGet();
            }
            return lease;
        }

        private void give(BufferLease lease) {
            held.remove(new Identity(lease.buffer()));
            lease.close();
        }

        private static void write(BufferLease lease, long canary) {
            ByteBuffer buffer = lease.buffer();
            int last = buffer.capacity() - Long.BYTES;
            buffer.putLong(0, canary).putLong(last / 2, canary).putLong(last, canary);
            for (int i = 0; i < 4; i++) {
                buffer.putLong(canary);
            }
        }

        private void check(BufferLease lease, long canary) {
            ByteBuffer buffer = lease.buffer();
            int last = buffer.capacity() - Long.BYTES;
            if (buffer.position() != 4 * Long.BYTES || buffer.getLong(0) != canary
                    || buffer.getLong(last / 2) != canary || buffer.getLong(last) != canary) {
                mismatches.incrementAndGet();
            }
        }

        public long acquires() {
            return acquires.get();
        }

        public void assertClean() {
            if (!failures.isEmpty()) {
                AssertionError error = new AssertionError("a stress thread failed");
                failures.forEach(error::addSuppressed);
                throw error;
            }
            assertTrue(acquires.get() > threads, "the threads ran: " + acquires.get() + " acquires");
            assertEquals(0, sharedBuffers.get(), "buffers held by two holders at once");
            assertEquals(0, mismatches.get(), "canaries overwritten by another holder");
        }
    }
}
