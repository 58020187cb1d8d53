package io.sigmalang.domain.pool;

/** The default listener; one shared instance so that settings built twice compare equal. */
final class LoggingLeakListener implements LeakListener {
    static final LoggingLeakListener INSTANCE = new LoggingLeakListener();
    private static final System.Logger LOG = System.getLogger("io.sigmalang.pool");

    private LoggingLeakListener() {
    }

    @Override
    public void leaked(LeakReport report) {
        LOG.log(System.Logger.Level.WARNING, report.describe());
    }

    @Override
    public String toString() {
        return "LeakListener.logging()";
    }
}
