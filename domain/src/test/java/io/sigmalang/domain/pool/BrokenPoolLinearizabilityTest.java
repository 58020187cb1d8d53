package io.sigmalang.domain.pool;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The checker can fail: a pool whose free list is a plain {@link ArrayDeque} read and written without any
 * synchronization (two threads can take the same buffer) is rejected by {@link PoolLinearizability}.
 */
public class BrokenPoolLinearizabilityTest extends PoolLinearizability {

    public BrokenPoolLinearizabilityTest() {
        super(new UnsafePool());
    }

    @Test
    void aPoolThatHandsOneBufferToTwoHoldersIsCaught() {
        AssertionError e = assertThrows(AssertionError.class, () -> check(BrokenPoolLinearizabilityTest.class));
        // Lincheck's report of results that no sequential order explains, not some other failure.
        assertTrue(String.valueOf(e.getMessage()).contains("Invalid execution results"), e.getMessage());
    }

    /** Two buffers on an unsynchronized deque: peek, then remove, with a window between them. */
    private static final class UnsafePool implements BufferPool {
        private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
        private final AtomicLong acquires = new AtomicLong();
        private final AtomicLong releases = new AtomicLong();

        UnsafePool() {
            free.push(ByteBuffer.allocate(64));
            free.push(ByteBuffer.allocate(64));
        }

        @Override
        public BufferLease acquire() {
            ByteBuffer buffer = free.peek();
            if (buffer == null) {
                buffer = ByteBuffer.allocate(64);
            } else {
                free.remove(buffer);
            }
            acquires.incrementAndGet();
            ByteBuffer leased = buffer.clear();
            return new BufferLease() {
                private boolean closed;

                @Override
                public ByteBuffer buffer() {
                    if (closed) {
                        throw new IllegalStateException("released");
                    }
                    return leased;
                }

                @Override
                public void close() {
                    if (closed) {
                        throw new IllegalStateException("released twice");
                    }
                    closed = true;
                    releases.incrementAndGet();
                    free.push(leased);
                }
            };
        }

        @Override
        public int bufferSize() {
            return 64;
        }

        @Override
        public PoolStats stats() {
            long a = acquires.get();
            long r = releases.get();
            return new PoolStats("unsafe", 2, 64, 0, a - r, a - r, a, r, 0, 0, 0, 0, 0);
        }

        @Override
        public String name() {
            return "unsafe";
        }

        @Override
        public void close() {
        }
    }
}
