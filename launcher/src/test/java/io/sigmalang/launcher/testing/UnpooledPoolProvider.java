package io.sigmalang.launcher.testing;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.PoolExhaustedException;
import io.sigmalang.domain.pool.PoolStats;
import io.sigmalang.domain.pool.spi.CommonKnobs;
import io.sigmalang.domain.pool.spi.KnobKind;
import io.sigmalang.domain.pool.spi.PoolConfiguration;
import io.sigmalang.domain.pool.spi.PoolKnob;
import io.sigmalang.domain.pool.spi.PoolStrategyProvider;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fourth strategy, in test sources only, to prove that a strategy is a provider on the class path and nothing
 * in the launcher: {@code unpooled}, a new heap buffer per acquire, at most {@code pool.unpooled.max-outstanding}
 * leases out at once. Listed in {@code fourth-strategy/META-INF/services}, a class path entry that
 * {@link FourthStrategy} adds for the tests that want it.
 */
public final class UnpooledPoolProvider implements PoolStrategyProvider {
    public static final PoolKnob MAX_OUTSTANDING = new PoolKnob("pool.unpooled.max-outstanding",
            "leases the unpooled strategy lets out at once", new KnobKind.Whole(1, 1024), 64);

    @Override
    public String name() {
        return "unpooled";
    }

    @Override
    public String description() {
        return "a new heap buffer per acquire (a test strategy)";
    }

    @Override
    public List<PoolKnob> knobs() {
        return List.of(MAX_OUTSTANDING);
    }

    @Override
    public BufferPool create(PoolConfiguration configuration) {
        return new UnpooledPool(configuration.integer(CommonKnobs.BUFFER_SIZE),
                configuration.integer(MAX_OUTSTANDING));
    }

    /** The pool: a buffer per acquire, counted. */
    static final class UnpooledPool implements BufferPool {
        private final int bufferSize;
        private final int maxOutstanding;
        private final AtomicLong acquires = new AtomicLong();
        private final AtomicLong releases = new AtomicLong();

        UnpooledPool(int bufferSize, int maxOutstanding) {
            this.bufferSize = bufferSize;
            this.maxOutstanding = maxOutstanding;
        }

        @Override
        public BufferLease acquire() {
            if (acquires.get() - releases.get() >= maxOutstanding) {
                throw new PoolExhaustedException("pool 'unpooled' has " + maxOutstanding + " leases out", stats());
            }
            acquires.incrementAndGet();
            ByteBuffer buffer = ByteBuffer.allocate(bufferSize);
            AtomicBoolean released = new AtomicBoolean();
            return new BufferLease() {
                @Override
                public ByteBuffer buffer() {
                    if (released.get()) {
                        throw new IllegalStateException("cannot use the buffer: this lease of pool 'unpooled' was"
                                + " already released");
                    }
                    return buffer;
                }

                @Override
                public void close() {
                    if (!released.compareAndSet(false, true)) {
                        throw new IllegalStateException("cannot release the lease: this lease of pool 'unpooled'"
                                + " was already released");
                    }
                    releases.incrementAndGet();
                }
            };
        }

        @Override
        public int bufferSize() {
            return bufferSize;
        }

        @Override
        public PoolStats stats() {
            long a = acquires.get();
            long r = releases.get();
            return new PoolStats("unpooled", maxOutstanding, bufferSize, 0, a - r, a - r, a, r, a, 0, 0, 0, 0);
        }

        @Override
        public String name() {
            return "unpooled";
        }

        @Override
        public void close() {
        }
    }
}
