package io.sigmalang.bench;

import io.netty.buffer.ByteBuf;
import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolStats;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation: lease a 4,096-byte buffer, write 64 bytes into it, give it back. The project's pools
 * ({@link #pooled}) are measured in the same run as plain allocation and the pools of widely used libraries.
 *
 * <p>Every pool is one {@link Scope#Benchmark} instance, so at two threads both threads share it, as the
 * threads of a server would. The thread count comes from the concrete subclass ({@link PoolOneThreadBenchmark},
 * {@link PoolTwoThreadsBenchmark}) so that both counts run in one invocation; {@code -t} still overrides it.
 * Run with {@code -prof gc} to see bytes allocated per operation.
 */
public abstract class PoolBenchmark extends BenchmarkConfig {

    /** Buffers each pool keeps: far more than the two threads can hold at once, so no pool overflows. */
    static final int POOL_CAPACITY = 16;

    private static final byte[] PAYLOAD = payload();

    /** The project's pools, one strategy per value of {@code strategy}. */
    @Benchmark
    public int pooled(PooledState state) {
        try (BufferLease lease = state.pool.acquire()) {
            ByteBuffer buffer = lease.buffer();
            buffer.put(PAYLOAD);
            return buffer.position();
        }
    }

    /**
     * The same as {@link #pooled}, but the lease escapes (as it does in the encoder, which keeps its leases in an
     * array), so escape analysis cannot remove a lease object the pool allocates: this shows what an acquire
     * allocates in real use.
     */
    @Benchmark
    public int pooledLeaseEscapes(PooledState state, Blackhole escape) {
        try (BufferLease lease = state.pool.acquire()) {
            escape.consume(lease);
            ByteBuffer buffer = lease.buffer();
            buffer.put(PAYLOAD);
            return buffer.position();
        }
    }

    /** The baseline without a pool: a new heap array each time, left to the garbage collector. */
    @Benchmark
    public byte[] newByteArray() {
        byte[] array = new byte[BUFFER_SIZE];
        System.arraycopy(PAYLOAD, 0, array, 0, WRITE_SIZE);
        return array;
    }

    /** The baseline without a pool for native memory: a new direct buffer, freed by its cleaner after GC. */
    @Benchmark
    public ByteBuffer allocateDirect() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        buffer.put(PAYLOAD);
        return buffer;
    }

    /** Netty's pooled allocator, heap buffer. */
    @Benchmark
    public int nettyPooledHeap(NettyState netty) {
        ByteBuf buf = netty.allocator.heapBuffer(BUFFER_SIZE);
        buf.writeBytes(PAYLOAD);
        int written = buf.writerIndex();
        buf.release();
        return written;
    }

    /** Netty's pooled allocator, direct buffer. */
    @Benchmark
    public int nettyPooledDirect(NettyState netty) {
        ByteBuf buf = netty.allocator.directBuffer(BUFFER_SIZE);
        buf.writeBytes(PAYLOAD);
        int written = buf.writerIndex();
        buf.release();
        return written;
    }

    /** Jetty 12's {@link ArrayByteBufferPool}, heap buffer. */
    @Benchmark
    public int jettyArrayPool(JettyState jetty) {
        RetainableByteBuffer.Mutable buffer = jetty.pool.acquire(BUFFER_SIZE, false);
        buffer.put(PAYLOAD);
        int written = buffer.remaining();
        buffer.release();
        return written;
    }

    /** Apache Commons Pool 2's {@link GenericObjectPool} of heap buffers: borrow, write, return. */
    @Benchmark
    public int commonsPool(CommonsPoolState commons) throws Exception {
        ByteBuffer buffer = commons.pool.borrowObject();
        buffer.clear().put(PAYLOAD);
        int written = buffer.position();
        commons.pool.returnObject(buffer);
        return written;
    }

    /** The hand-written pool: an {@link java.util.ArrayDeque} behind {@code synchronized}. */
    @Benchmark
    public int synchronizedDeque(DequeState deque) {
        ByteBuffer buffer = deque.pool.acquire();
        buffer.put(PAYLOAD);
        int written = buffer.position();
        deque.pool.release(buffer);
        return written;
    }

    /**
     * A pool of the project, built as an application builds it. At the end of the trial it must have no lease
     * outstanding; its counters are printed so an overflow (which would allocate) shows in the log.
     */
    @State(Scope.Benchmark)
    public static class PooledState {
        /** The strategy's label. */
        @Param({"fixed", "adaptive", "offheap"})
        public String strategy;

        BufferPool pool;

        @Setup
        public void setUp() {
            pool = PoolStrategy.byLabel(strategy).create(POOL_CAPACITY, BUFFER_SIZE);
        }

        @TearDown
        public void tearDown() {
            PoolStats stats = pool.stats();
            pool.close();
            System.out.printf(Locale.ROOT, "%n[pool %s] acquires %d, overflow allocations %d, resizes %d, outstanding %d%n",
                    strategy, stats.acquires(), stats.overflowAllocations(), stats.resizes(), stats.outstanding());
            if (stats.outstanding() != 0) {
                throw new IllegalStateException(stats.outstanding() + " leases of pool " + strategy
                        + " were never released");
            }
        }
    }

    /**
     * Netty's pooled allocator with its default settings. Netty caches per thread only on its own event-loop
     * threads by default ({@code io.netty.allocator.useCacheForAllThreads=false}), so the benchmark threads, like
     * any application thread, use the shared arenas.
     */
    @State(Scope.Benchmark)
    public static class NettyState {
        PooledByteBufAllocator allocator;

        @Setup
        public void setUp() {
            allocator = PooledByteBufAllocator.DEFAULT;
        }
    }

    /** Jetty's pool with its default buckets (4,096 bytes has a bucket of its own). */
    @State(Scope.Benchmark)
    public static class JettyState {
        ArrayByteBufferPool pool;

        @Setup
        public void setUp() {
            pool = new ArrayByteBufferPool();
        }

        @TearDown
        public void tearDown() {
            pool.clear();
        }
    }

    /** A Commons Pool 2 pool of {@value #POOL_CAPACITY} heap buffers, otherwise its default configuration. */
    @State(Scope.Benchmark)
    public static class CommonsPoolState {
        GenericObjectPool<ByteBuffer> pool;

        @Setup
        public void setUp() {
            pool = new GenericObjectPool<>(new BufferFactory());
            pool.setMaxTotal(POOL_CAPACITY);
            pool.setMaxIdle(POOL_CAPACITY);
        }

        @TearDown
        public void tearDown() {
            pool.close();
        }
    }

    /** The synchronized deque holding {@value #POOL_CAPACITY} buffers. */
    @State(Scope.Benchmark)
    public static class DequeState {
        SynchronizedDequePool pool;

        @Setup
        public void setUp() {
            pool = new SynchronizedDequePool(POOL_CAPACITY, BUFFER_SIZE);
        }
    }

    /** Makes the heap buffers Commons Pool 2 keeps. */
    static final class BufferFactory extends BasePooledObjectFactory<ByteBuffer> {
        @Override
        public ByteBuffer create() {
            return ByteBuffer.allocate(BUFFER_SIZE);
        }

        @Override
        public PooledObject<ByteBuffer> wrap(ByteBuffer buffer) {
            return new DefaultPooledObject<>(buffer);
        }
    }
}
