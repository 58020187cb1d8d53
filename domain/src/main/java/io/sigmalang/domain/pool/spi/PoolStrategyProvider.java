package io.sigmalang.domain.pool.spi;

import io.sigmalang.domain.pool.BufferPool;
import java.util.List;

/**
 * A buffer-pool strategy, as any composition root finds it: by name, with its own configuration keys, through
 * {@link java.util.ServiceLoader} (a pool module lists its provider in
 * {@code META-INF/services/io.sigmalang.domain.pool.spi.PoolStrategyProvider}). Plain Java: a provider knows no
 * framework; {@link PoolCatalog} finds the providers and validates configurations for them.
 *
 * <p>A provider declares its knobs (their keys under {@code pool.<name>.}, defaults and rules), the checks
 * across its knobs, which knob sets its largest capacity (for the footprint bound), and a factory from a
 * validated configuration to a pool. It must have a public no-argument constructor and be cheap to create.
 */
public interface PoolStrategyProvider {

    /** The strategy's name, as {@code pool.strategy} spells it: lower-case letters, digits and dashes. */
    String name();

    /** One line for documentation and help: what the strategy does and when to choose it. */
    String description();

    /**
     * The strategy's own knobs, keys under {@code pool.<name>.}; the {@link CommonKnobs} are everyone's and
     * are not repeated here.
     */
    default List<PoolKnob> knobs() {
        return List.of();
    }

    /**
     * The knob whose value is the most buffers this strategy retains: {@code pool.capacity} for a pool that
     * allocates up front; the footprint bound is checked on it times {@code pool.buffer-size}.
     */
    default PoolKnob capacityKnob() {
        return CommonKnobs.CAPACITY;
    }

    /**
     * The settings of a pool of this strategy that retains at most {@code capacity} buffers, its other knobs at
     * their defaults: what a benchmark or a report compares strategies at. By default {@link #capacityKnob()}.
     */
    default java.util.Map<String, String> sizedFor(int capacity) {
        return java.util.Map.of(capacityKnob().key(), Integer.toString(capacity));
    }

    /**
     * Checks across this strategy's knobs (each knob alone is already valid); throws
     * {@link InvalidPoolConfigurationException}, naming the keys with {@link PoolConfiguration#refuse}. Called
     * for every installed strategy, whichever is chosen, so that a configuration file is valid or not as a whole.
     */
    default void check(PoolConfiguration configuration) {
    }

    /**
     * Checks that hold only when this strategy is the one chosen, such as a pool that allocates up front fitting
     * its bound ({@link CommonKnobs#preallocated}). Called by {@link PoolCatalog#chosen} before anything is
     * allocated, so that a composition root can refuse a configuration before it builds anything.
     */
    default void checkWhenChosen(PoolConfiguration configuration) {
    }

    /**
     * A new pool from a validated configuration.
     *
     * @throws InvalidPoolConfigurationException when the values, valid each and together, still do not suit
     *     this strategy (a pool that allocates up front and does not fit its bound)
     */
    BufferPool create(PoolConfiguration configuration);
}
