package io.sigmalang.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.launcher.config.SigmalangConfig;
import java.util.Objects;

/**
 * The application's bindings around one validated configuration: the configuration itself, the encoder
 * settings, the text parser, tree JSON, the buffer pool of the configured strategy (one per injector) and
 * encoders. It declares the strategy map but adds no strategy: those come from the strategy modules (see
 * {@link SigmalangModules}). Fast and free of side effects: nothing is built until asked for.
 */
public final class SigmalangModule extends AbstractModule {
    private final SigmalangConfig config;

    public SigmalangModule(SigmalangConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(SigmalangConfig.class).toInstance(config);
        bind(EncoderSettings.class).toInstance(config.encoder());
        bind(TextParser.class).to(RuleBasedTextParser.class).in(Singleton.class);
        bind(TreeJson.class).in(Singleton.class);
        PoolStrategies.of(binder());
    }

    @Provides
    @Singleton
    BufferPool pool(PoolSelection selection) {
        return selection.create();
    }

    /** A new encoder (one per conversation) on the shared pool, with the configured settings. */
    @Provides
    Encoder encoder(BufferPool pool, EncoderSettings settings) {
        return new SigmaEncoder(pool, settings);
    }
}
