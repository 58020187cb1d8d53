package io.sigmalang.domain.pool;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;

/**
 * Linearizability of a pool's acquire and release, checked by Lincheck (model checking, which explores thread
 * interleavings at every shared-memory access, and stress), for each strategy: a pool module has a public
 * subclass with a public no-argument constructor that builds its pool (Lincheck creates one per run).
 *
 * <p>The operations run on a pool of two 64-byte buffers, so that the scenarios (two threads, a few operations
 * each, with one holding leases while the other acquires) reach the free lists of both stripes, the creation of
 * buffers and overflow. Each result is compared with the results of some sequential order of the same
 * operations:
 *
 * <ul>
 *   <li>{@link #acquire()} leases a buffer and writes a token no other lease gets; its result says whether the
 *       buffer came at position 0 with its full capacity;
 *   <li>{@link #release()} takes one held lease, checks that its buffer still holds its token (no other holder
 *       wrote it), releases it, and checks that the released lease can neither reach its buffer nor release it
 *       again. {@code "none"} when no lease is held.
 * </ul>
 *
 * <p>{@link PoolStats} is not linearizable and does not claim to be: it sums per-slot generations read one
 * after another, so a snapshot taken during an acquire and a release can match no single instant. It is checked
 * where it is exact, at quiescence, after every run ({@link #statsAgreeWhenQuiet()}: acquires, releases and
 * outstanding against the counts this class keeps).
 */
public abstract class PoolLinearizability {
    /**
     * Scenarios per strategy and mode: small enough for {@code ./mvnw verify} to stay within a few minutes on two
     * shared cores (about 10 to 20 s per strategy there), large enough to find the broken pool of
     * {@code BrokenPoolLinearizabilityTest} every time.
     */
    private static final int SCENARIOS = 8;

    private final BufferPool pool;
    private final ConcurrentLinkedDeque<Held> held = new ConcurrentLinkedDeque<>();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong released = new AtomicLong();

    private record Held(BufferLease lease, long token) {
    }

    protected PoolLinearizability(BufferPool pool) {
        this.pool = pool;
    }

    /** Two buffers of 64 bytes, the other settings at their defaults. */
    protected static PoolSettings twoSmallBuffers() {
        return PoolSettings.defaults().withCapacity(2).withBufferSize(64).withStripes(2);
    }

    @Operation
    public String acquire() {
        BufferLease lease = pool.acquire();
        java.nio.ByteBuffer buffer = lease.buffer();
        String result = buffer.position() == 0 && buffer.limit() == 64 ? "fresh" : "not reset";
        long token = tokens.incrementAndGet();
        buffer.putLong(0, token);
        held.push(new Held(lease, token));
        return result;
    }

    @Operation
    public String release() {
        Held h = held.poll();
        if (h == null) {
            return "none";
        }
        long seen = h.lease().buffer().getLong(0);
        h.lease().close();
        released.incrementAndGet();
        if (seen != h.token()) {
            return "overwritten by another holder";
        }
        try {
            h.lease().buffer();
            return "a released lease still reaches its buffer";
        } catch (IllegalStateException expected) {
            // as it must
        }
        try {
            h.lease().close();
            return "a released lease was released again";
        } catch (IllegalStateException expected) {
            return "released";
        }
    }

    @Validate
    public void statsAgreeWhenQuiet() {
        PoolStats stats = pool.stats();
        if (stats.acquires() != tokens.get() || stats.releases() != released.get()
                || stats.outstanding() != held.size()) {
            throw new AssertionError("at quiescence the stats " + stats + " disagree with " + tokens.get()
                    + " acquires, " + released.get() + " releases, " + held.size() + " held");
        }
    }

    /** Runs the model checker then the stress strategy on {@code test}. */
    protected static void check(Class<? extends PoolLinearizability> test) {
        new ModelCheckingOptions().iterations(SCENARIOS).invocationsPerIteration(100).threads(2).actorsPerThread(3)
                .actorsBefore(1).actorsAfter(1).check(test);
        new StressOptions().iterations(SCENARIOS).invocationsPerIteration(200).threads(2).actorsPerThread(3)
                .actorsBefore(1).actorsAfter(1).check(test);
    }
}
