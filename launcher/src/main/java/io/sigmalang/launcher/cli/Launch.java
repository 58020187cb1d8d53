package io.sigmalang.launcher.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import io.sigmalang.domain.pool.PoolExhaustedException;
import io.sigmalang.launcher.config.ConfigLoader;
import io.sigmalang.launcher.config.Setting;
import io.sigmalang.launcher.config.Settings;
import io.sigmalang.launcher.config.SigmalangConfig;
import io.sigmalang.launcher.wiring.SigmalangModules;
import java.util.List;

/** Start-up of the commands that encode: load and validate the configuration, log it once, build the injector. */
final class Launch {
    private Launch() {
    }

    /**
     * A pool that gave up at its configured bound, as a configuration error (exit 2): where, the pool's own
     * message, and the two keys that would let the run through, with the bound's value and origin.
     */
    static CliException poolExhausted(PoolExhaustedException e, String where, SigmalangConfig config) {
        String bound = Settings.POOL_BOUND_MAX_BYTES.key();
        return new CliException(ExitCodes.USAGE, where + ": " + e.getMessage() + ": raise " + bound + " = "
                + Setting.BytesKind.format(config.pool().bound().maxBytes()) + " (from " + config.origin(bound)
                + ") or set " + Settings.POOL_BOUND_POLICY.key() + " = allocate-unpooled", e);
    }

    static Injector injector(ConfigOptions options, Terminal terminal, List<Module> strategies) {
        SigmalangConfig config = new ConfigLoader().load(options.sources(terminal));
        Logging.debug(Launch.class, () -> "configuration: " + config.describe());
        return SigmalangModules.injector(config, strategies);
    }
}
