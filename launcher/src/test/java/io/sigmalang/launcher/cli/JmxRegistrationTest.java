package io.sigmalang.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.domain.tree.SemanticNode;
import io.sigmalang.domain.tree.SemanticTree;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class JmxRegistrationTest {

    @Test
    void publishesALiveEncoderOnThePlatformServerAndWithdrawsIt() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Encoder encoder = new SigmaEncoder(new HeapTestPool(4096));
        JmxRegistration registration = new JmxRegistration("test", encoder::stats);
        try {
            assertTrue(server.isRegistered(registration.name()));
            assertEquals(0L, server.getAttribute(registration.name(), "Messages"));
            encoder.encode(SemanticTree.of(SemanticNode.leaf(16, "f")));
            encoder.encode(SemanticTree.of(SemanticNode.leaf(17)));
            assertEquals(2L, server.getAttribute(registration.name(), "Messages"));
            assertEquals("heap-test", server.getAttribute(registration.name(), "Pool"));
            TabularData counts = (TabularData) server.getAttribute(registration.name(), "EncodeCounts");
            assertEquals(2L, counts.get(new Object[] {"FULL"}).get("value"));
        } finally {
            registration.close();
        }
        assertFalse(server.isRegistered(registration.name()));
    }
}
