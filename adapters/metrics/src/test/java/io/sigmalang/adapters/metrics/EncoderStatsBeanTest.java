package io.sigmalang.adapters.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.domain.codec.EncoderStats;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class EncoderStatsBeanTest {

    @Test
    void attributesReadThroughThePlatformMBeanServer() throws Exception {
        AtomicReference<EncoderStats> current = new AtomicReference<>(Stats.encoder(1));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = EncoderStatsBean.objectName("bean-test");
        server.registerMBean(new EncoderStatsBean(current::get), name);
        try {
            assertEquals("fixed", server.getAttribute(name, "Pool"));
            assertEquals(20L, server.getAttribute(name, "Messages"));
            assertEquals(11L, server.getAttribute(name, "Acquires"));
            assertEquals(9L, server.getAttribute(name, "Releases"));
            assertEquals(4L, server.getAttribute(name, "Overflows"));
            assertEquals(2L, server.getAttribute(name, "Outstanding"));
            assertEquals(32768L, server.getAttribute(name, "RetainedBytes"));
            assertEquals(40960L, server.getAttribute(name, "PeakRetainedBytes"));
            assertEquals(5L, server.getAttribute(name, "Resizes"));
            assertEquals(7L, server.getAttribute(name, "Leaks"));
            assertEquals(12L, perPath(server.getAttribute(name, "EncodeCounts"), "FULL"));
            assertEquals(300_000L, perPath(server.getAttribute(name, "EncodeNanos"), "CONTEXT_DELTA"));
            current.set(Stats.encoder(2));
            assertEquals(22L, server.getAttribute(name, "Acquires"));
        } finally {
            server.unregisterMBean(name);
        }
    }

    private static Object perPath(Object tabular, String path) {
        CompositeData row = ((TabularData) tabular).get(new Object[] {path});
        return row.get("value");
    }

    @Test
    void objectNameQuotesTheName() {
        assertEquals("io.sigmalang:type=Encoder,name=\"a,b\"", EncoderStatsBean.objectName("a,b").toString());
    }
}
