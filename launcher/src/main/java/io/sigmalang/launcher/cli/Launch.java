package io.sigmalang.launcher.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import io.sigmalang.domain.pool.PoolExhaustedException;
import io.sigmalang.domain.pool.spi.CommonKnobs;
import io.sigmalang.launcher.config.ConfigLoader;
import io.sigmalang.launcher.config.SigmalangConfig;
import io.sigmalang.launcher.wiring.SigmalangModules;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up of the commands that encode: load and validate the configuration, log it once, build the injector. */
final class Launch {
    private static final Logger LOG = LoggerFactory.getLogger(Launch.class);

    private Launch() {
    }

    /**
     * A pool that gave up at its configured bound, as a configuration error (exit 2): where, the pool's own
     * message, and the two keys that would let the run through, with the bound's value and origin.
     */
    static CliException poolExhausted(PoolExhaustedException e, String where, SigmalangConfig config) {
        return new CliException(ExitCodes.USAGE, where + ": " + e.getMessage() + ": raise "
                + config.pool().show(CommonKnobs.BOUND_MAX_BYTES) + " or set " + CommonKnobs.BOUND_POLICY.key()
                + " = allocate-unpooled", e);
    }

    static Injector injector(ConfigOptions options, Terminal terminal, List<Module> strategies) {
        SigmalangConfig config = new ConfigLoader().load(options.sources(terminal));
        LOG.debug("configuration: {}", config.describe());
        return SigmalangModules.injector(config, strategies);
    }
}
