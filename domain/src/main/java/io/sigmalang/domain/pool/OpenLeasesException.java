package io.sigmalang.domain.pool;

import java.util.List;

/**
 * Thrown by {@link BufferPool#close()} of a pool whose leak detection is {@link LeakDetection.Level#STRICT}
 * when leases are still open or were leaked. The pool is closed all the same: its memory is freed before this
 * is thrown. The message lists every such lease with its acquire site.
 */
public final class OpenLeasesException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient List<LeakReport> leases;

    public OpenLeasesException(String pool, List<LeakReport> leases) {
        super(message(pool, leases));
        this.leases = List.copyOf(leases);
    }

    /** The open and leaked leases, each with its acquire site. */
    public List<LeakReport> leases() {
        return leases;
    }

    private static String message(String pool, List<LeakReport> leases) {
        long open = leases.stream().filter(r -> !r.leaked()).count();
        StringBuilder sb = new StringBuilder()
                .append("pool '").append(pool).append("' closed with ")
                .append(open).append(" open and ").append(leases.size() - open).append(" leaked lease(s):");
        for (LeakReport report : leases) {
            sb.append(System.lineSeparator()).append(report.describe());
        }
        return sb.toString();
    }
}
