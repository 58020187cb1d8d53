package io.sigmalang.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sigmalang.domain.pool.spi.PoolCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/** What this module's test class path holds (LocalRunIT checks the local run's, and the job jar). */
class ClasspathTest {

    @Test
    void exactlyOneSlf4jProviderLog4jsIsOnTheClassPath() {
        List<String> providers = new ArrayList<>();
        ServiceLoader.load(SLF4JServiceProvider.class).stream().forEach(p -> providers.add(p.type().getName()));
        assertEquals(List.of("org.apache.logging.slf4j.SLF4JServiceProvider"), providers);
    }

    @Test
    void theJobsStrategiesAreFoundByNameThoughNoCodeNamesThem() {
        assertEquals(List.of("adaptive", "fixed"), PoolCatalog.installed().names());
    }
}
