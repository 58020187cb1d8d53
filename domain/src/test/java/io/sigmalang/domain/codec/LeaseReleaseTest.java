package io.sigmalang.domain.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.sigmalang.domain.pool.BufferLease;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoder writes every stream through leases from its pool and releases each one exactly once. */
class LeaseReleaseTest {
    /** A tree whose stream needs 4 + 2 + 40 + 2 = 48 bytes: six 8-byte leases. */
    private static final SemanticTree TREE = SemanticTree.of(SemanticNode.leaf(0x10, "x".repeat(40)));

    private final BufferPool pool = mock(BufferPool.class);
    private final List<BufferLease> leases = new ArrayList<>();

    private BufferLease lease() {
        BufferLease lease = mock(BufferLease.class);
        when(lease.buffer()).thenReturn(ByteBuffer.allocate(8));
        leases.add(lease);
        return lease;
    }

    @Test
    void everyLeaseIsReleasedOnceAfterASuccessfulEncode() {
        when(pool.acquire()).thenAnswer(i -> lease());
        byte[] stream = new SigmaEncoder(pool, EncoderSettings.fullFormOnly()).encode(TREE);
        assertEquals(48, stream.length);
        assertEquals(6, leases.size());
        for (BufferLease lease : leases) {
            verify(lease, times(1)).close();
        }
    }

    @Test
    void leasesTakenBeforeAFailureHalfWayAreReleased() {
        IllegalStateException exhausted = new IllegalStateException("pool exhausted");
        when(pool.acquire()).thenAnswer(i -> lease()).thenAnswer(i -> lease()).thenThrow(exhausted);
        when(pool.bufferSize()).thenReturn(8);
        SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.defaults());
        assertSame(exhausted, assertThrows(IllegalStateException.class, () -> encoder.encode(TREE)));
        assertEquals(2, leases.size());
        for (BufferLease lease : leases) {
            verify(lease, times(1)).close();
        }
        assertEquals(0, encoder.stats().messages(), "a failed message leaves no trace");
    }

    @Test
    void aReleaseThatFailsDoesNotStopTheOthersBeingReleased() {
        SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.fullFormOnly());
        when(pool.acquire()).thenAnswer(i -> {
            BufferLease lease = lease();
            if (leases.size() == 2) {
                org.mockito.Mockito.doThrow(new IllegalStateException("released twice")).when(lease).close();
            }
            return lease;
        });
        assertThrows(IllegalStateException.class, () -> encoder.encode(TREE));
        for (BufferLease lease : leases) {
            verify(lease, times(1)).close();
        }
    }

    @Test
    void aDestinationTooSmallIsRefusedBeforeAnyLeaseIsTaken() {
        SigmaEncoder encoder = new SigmaEncoder(pool, EncoderSettings.fullFormOnly());
        assertThrows(BufferOverflowException.class, () -> encoder.encode(TREE, ByteBuffer.allocate(47)));
        verify(pool, never()).acquire();
    }
}
