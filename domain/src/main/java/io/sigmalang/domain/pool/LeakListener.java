package io.sigmalang.domain.pool;

/**
 * Receives the leaks a pool finds. Called on the JDK's cleaner thread: keep it short, and do not throw (an
 * exception is caught and logged, never propagated).
 */
@FunctionalInterface
public interface LeakListener {

    /** Called once per leaked lease. */
    void leaked(LeakReport report);

    /** Logs each leak as a warning through {@link System.Logger}, under the name {@code io.sigmalang.pool}. */
    static LeakListener logging() {
        return LoggingLeakListener.INSTANCE;
    }
}
