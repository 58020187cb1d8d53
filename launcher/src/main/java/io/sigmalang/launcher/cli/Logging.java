package io.sigmalang.launcher.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The CLI's own log: debug lines written only under {@code --debug}. Nothing here touches SLF4J or logback
 * unless {@code --debug} is given, so a quiet run loads no logging backend (logback and its configuration
 * were about 600 of the 3,800 classes a run loaded); {@link StderrLogbackConfigurator} sets logback up when it
 * does start.
 */
final class Logging {
    /** Commands running with {@code --debug} (runs in one JVM, such as tests, nest and stay apart). */
    private static int debugging;

    private Logging() {
    }

    /** Sets the root logger to debug until the result is run. */
    static synchronized Runnable debug() {
        debugging++;
        Runnable level = rootLevel(Level.DEBUG);
        return () -> {
            level.run();
            synchronized (Logging.class) {
                debugging--;
            }
        };
    }

    private static Runnable rootLevel(Level wanted) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            Level previous = root.getLevel();
            root.setLevel(wanted);
            return () -> root.setLevel(previous);
        }
        return () -> { };
    }

    /** Logs {@code message} at debug level for {@code source}, only while a command runs with {@code --debug}. */
    static void debug(Class<?> source, Supplier<String> message) {
        boolean on;
        synchronized (Logging.class) {
            on = debugging > 0;
        }
        if (on) {
            LoggerFactory.getLogger(source).debug(message.get());
        }
    }
}
