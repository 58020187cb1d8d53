package io.sigmalang.launcher.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Switches the root logger to debug for {@code --debug}; logback is the launcher's logging backend. */
final class Logging {
    private Logging() {
    }

    /** Sets the root logger to debug until the result is run (runs in one JVM, such as tests, stay apart). */
    static Runnable debug() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            Level previous = root.getLevel();
            root.setLevel(Level.DEBUG);
            return () -> root.setLevel(previous);
        }
        return () -> { };
    }
}
