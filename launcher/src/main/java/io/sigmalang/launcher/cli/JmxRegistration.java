package io.sigmalang.launcher.cli;

import io.sigmalang.adapters.metrics.EncoderStatsBean;
import io.sigmalang.domain.codec.EncoderStats;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Registers an encoder's statistics MXBean on the platform MBean server for the length of a command. */
final class JmxRegistration implements AutoCloseable {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;

    /** Registers under {@code io.sigmalang:type=Encoder,name=<command>-<n>}, n counting runs in this JVM. */
    JmxRegistration(String command, Supplier<EncoderStats> stats) {
        this.name = EncoderStatsBean.objectName(command + "-" + RUNS.incrementAndGet());
        try {
            server.registerMBean(new EncoderStatsBean(stats), name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the encoder MXBean " + name, e);
        }
    }

    ObjectName name() {
        return name;
    }

    @Override
    public void close() {
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot unregister the encoder MXBean " + name, e);
        }
    }
}
