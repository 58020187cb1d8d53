package io.sigmalang.launcher.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.domain.codec.Encoder;
import io.sigmalang.domain.codec.EncoderSettings;
import io.sigmalang.domain.codec.SigmaEncoder;
import io.sigmalang.domain.parser.TextParser;
import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.testing.HeapTestPool;
import io.sigmalang.launcher.config.InvalidConfigException;
import io.sigmalang.launcher.config.SigmalangConfig;
import io.sigmalang.launcher.testing.TestStrategies;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigmalangModuleTest {

    private static Injector injector(String strategy) {
        return Guice.createInjector(SigmalangModules.forConfig(SigmalangConfig.defaults().withStrategy(strategy),
                List.of(new TestStrategies())));
    }

    @Test
    void bindsThePoolOfTheConfiguredStrategyOncePerInjectorAndAnEncoderPerRequest() {
        Injector injector = injector("heap");
        BufferPool pool = injector.getInstance(BufferPool.class);
        assertInstanceOf(HeapTestPool.class, pool);
        assertSame(pool, injector.getInstance(BufferPool.class));
        Encoder a = injector.getInstance(Encoder.class);
        assertInstanceOf(SigmaEncoder.class, a);
        assertNotSame(a, injector.getInstance(Encoder.class));
        assertEquals(EncoderSettings.defaults(), injector.getInstance(EncoderSettings.class));
        assertInstanceOf(RuleBasedTextParser.class, injector.getInstance(TextParser.class));
        assertSame(injector.getInstance(SigmalangConfig.class), injector.getInstance(SigmalangConfig.class));
    }

    @Test
    void anUnknownStrategyFailsListingTheBoundOnes() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> SigmalangModules.injector(SigmalangConfig.defaults().withStrategy("offheep"),
                        List.of(new TestStrategies())));
        assertEquals("invalid configuration: pool.strategy = \"offheep\" (from code): expected one of broken, heap, picky",
                e.getMessage());
    }

    @Test
    void aPoolRefusingItsConfigurationIsAConfigurationError() {
        ProvisionException e = assertThrows(ProvisionException.class,
                () -> injector("picky").getInstance(BufferPool.class));
        assertEquals("invalid configuration for pool strategy picky: capacity 32 is not a power of 3",
                assertInstanceOf(InvalidConfigException.class, e.getCause()).getMessage());
    }

    @Test
    void modulesBuildNothingUntilAsked() {
        // The broken strategy's provider throws when called: creating the injector must not call it.
        Injector injector = injector("broken");
        assertThrows(ProvisionException.class, () -> injector.getInstance(BufferPool.class));
    }
}
