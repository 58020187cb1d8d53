package io.sigmalang.launcher.wiring;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import io.sigmalang.domain.pool.BufferPool;

/**
 * The map of pool strategies, keyed by name. A strategy module adds one entry with
 * {@code PoolStrategies.of(binder()).addBinding("name").toProvider(...)}; the configured name picks one when
 * the pool is first needed. Adding a strategy therefore means adding a module, never editing a switch.
 */
public final class PoolStrategies {
    private PoolStrategies() {
    }

    /** The strategy map binder of {@code binder}. */
    public static MapBinder<String, BufferPool> of(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, BufferPool.class);
    }
}
