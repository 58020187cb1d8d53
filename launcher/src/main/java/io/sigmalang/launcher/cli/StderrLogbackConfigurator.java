package io.sigmalang.launcher.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The CLI's logging set up in code (found by logback through {@code META-INF/services}), so that no XML file is
 * looked for and parsed when logging starts: warnings and up on stderr as {@code LEVEL Logger: message}, the
 * root lowered to debug by {@code --debug}. A {@code -Dlogback.configurationFile=...} of the user's still wins.
 *
 * <p>The CLI logs only with {@code --debug} (see {@link Logging}), so on the quiet path logback is never even
 * started; this keeps the debug path, and anything a library logs at warning level, cheap too.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class StderrLogbackConfigurator extends ContextAwareBase implements Configurator {

    /** The layout of every line. */
    static final String PATTERN = "%level %logger{0}: %msg%n";

    /** For logback's service loader. */
    public StderrLogbackConfigurator() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
