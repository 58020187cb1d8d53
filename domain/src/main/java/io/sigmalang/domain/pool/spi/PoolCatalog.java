package io.sigmalang.domain.pool.spi;

import io.sigmalang.domain.pool.BufferPool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The pool strategies a composition root can build, by name, and the configuration keys they take. Plain Java,
 * usable anywhere: the CLI's Guice wiring turns each entry into a binding, and code that must not compile
 * against pool modules (a Spark executor, a plugin host) builds its pool from a map of settings:
 *
 * <pre>{@code
 * BufferPool pool = PoolCatalog.installed().create("fixed", Map.of("pool.capacity", "64"));
 * }</pre>
 *
 * <p>{@link #installed()} finds the providers on the class path with {@link ServiceLoader}. The keys are the
 * {@link CommonKnobs} followed by each strategy's own, strategies in name order; every key has one rule, and a
 * configuration is validated key by key, then across keys (common, then each strategy's {@link
 * PoolStrategyProvider#check}), then, for the strategy chosen, its footprint against
 * {@link CommonKnobs#MAX_FOOTPRINT_BYTES}. Every refusal is an {@link InvalidPoolConfigurationException} with a
 * one-line message.
 */
public final class PoolCatalog {
    /** The origin of a value no source gave. */
    public static final String DEFAULTS = "built-in defaults";
    /** The origin of values given to {@link #create(String, Map)}. */
    public static final String SETTINGS_MAP = "settings map";

    private final Map<String, PoolStrategyProvider> providers;
    private final Map<String, PoolKnob> knobs;

    private PoolCatalog(List<PoolStrategyProvider> found) {
        Map<String, PoolStrategyProvider> byName = new TreeMap<>();
        for (PoolStrategyProvider provider : found) {
            String name = provider.name();
            if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalStateException(provider.getClass().getName() + " names its strategy '" + name
                        + "': expected lower-case letters, digits and dashes");
            }
            PoolStrategyProvider twin = byName.put(name, provider);
            if (twin != null) {
                throw new IllegalStateException("two pool strategies are named '" + name + "': "
                        + twin.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        Map<String, PoolKnob> all = new LinkedHashMap<>();
        CommonKnobs.ALL.forEach(knob -> all.put(knob.key(), knob));
        for (PoolStrategyProvider provider : byName.values()) {
            for (PoolKnob knob : provider.knobs()) {
                String prefix = "pool." + provider.name() + ".";
                if (!knob.key().startsWith(prefix) || all.putIfAbsent(knob.key(), knob) != null) {
                    throw new IllegalStateException("strategy '" + provider.name() + "' declares the knob "
                            + knob.key() + ": its knobs must be under " + prefix + " and appear once");
                }
            }
        }
        this.providers = byName;
        this.knobs = all;
    }

    /** The strategies found on the class path (of the thread's context class loader, else of this class). */
    public static PoolCatalog installed() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader<PoolStrategyProvider> services = ServiceLoader.load(PoolStrategyProvider.class,
                loader != null ? loader : PoolCatalog.class.getClassLoader());
        List<PoolStrategyProvider> found = new ArrayList<>();
        services.forEach(found::add);
        return new PoolCatalog(found);
    }

    /** Exactly these strategies. */
    public static PoolCatalog of(List<PoolStrategyProvider> providers) {
        return new PoolCatalog(List.copyOf(providers));
    }

    /** The strategies' names, sorted. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    /** The providers, in name order. */
    public List<PoolStrategyProvider> providers() {
        return List.copyOf(providers.values());
    }

    public Optional<PoolStrategyProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /** Every key: the common ones, then each strategy's, strategies in name order. */
    public List<PoolKnob> knobs() {
        return List.copyOf(knobs.values());
    }

    /** The knob of {@code key}, or empty. */
    public Optional<PoolKnob> knob(String key) {
        return Optional.ofNullable(knobs.get(key));
    }

    /**
     * Validates {@code raw} values (missing keys take their defaults) for {@code strategy}, which need not be
     * installed here (a composition root may add strategies of its own).
     *
     * @param raw     key to raw value: a string, number or boolean (a list or an object is refused as such)
     * @param origins key to where its value came from, for the messages ({@link #DEFAULTS} when absent)
     * @throws InvalidPoolConfigurationException for an unknown key, a value not allowed, or keys that do not go
     *     together
     */
    public PoolConfiguration configure(String strategy, Map<String, ?> raw, Map<String, String> origins) {
        for (String key : raw.keySet()) {
            if (!knobs.containsKey(key)) {
                throw new InvalidPoolConfigurationException(key, "invalid configuration: unknown key " + key
                        + " (from " + origins.getOrDefault(key, DEFAULTS) + "): known keys are "
                        + String.join(", ", knobs.keySet()));
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (PoolKnob knob : knobs.values()) {
            values.put(knob.key(), raw.containsKey(knob.key())
                    ? knob.convert(raw.get(knob.key()), origins.getOrDefault(knob.key(), DEFAULTS))
                    : knob.defaultValue());
        }
        PoolConfiguration configuration = new PoolConfiguration(strategy, values, origins);
        CommonKnobs.check(configuration);
        for (PoolStrategyProvider provider : providers.values()) {
            provider.check(configuration);
        }
        return configuration;
    }

    /**
     * Checks what depends on the strategy chosen: that it is installed, that its footprint is within
     * {@link CommonKnobs#MAX_FOOTPRINT_BYTES}, and its own {@link PoolStrategyProvider#checkWhenChosen}.
     */
    public PoolStrategyProvider chosen(PoolConfiguration configuration) {
        String name = configuration.strategy();
        PoolStrategyProvider provider = providers.get(name);
        if (provider == null) {
            throw new InvalidPoolConfigurationException("pool.strategy", "invalid configuration: pool.strategy = "
                    + InvalidPoolConfigurationException.show(name) + ": expected " + (providers.isEmpty()
                            ? "a pool strategy, but none is installed" : "one of " + String.join(", ", names())));
        }
        PoolKnob capacity = provider.capacityKnob();
        PoolKnob size = CommonKnobs.BUFFER_SIZE;
        long footprint = (long) configuration.integer(capacity) * configuration.integer(size);
        if (footprint > CommonKnobs.MAX_FOOTPRINT_BYTES) {
            throw new InvalidPoolConfigurationException(capacity.key(), "invalid configuration: " + capacity.key()
                    + " × " + size.key() + " = " + configuration.integer(capacity) + " × "
                    + configuration.integer(size) + " = " + footprint + " bytes (from " + configuration.origin(capacity)
                    + "; " + configuration.origin(size) + ") exceeds the "
                    + KnobKind.Bytes.format(CommonKnobs.MAX_FOOTPRINT_BYTES) + " a configured " + name
                    + " pool may retain: lower " + capacity.key() + " or " + size.key());
        }
        provider.checkWhenChosen(configuration);
        return provider;
    }

    /** A new pool of the strategy {@code configuration} names, after {@link #chosen}'s checks. */
    public BufferPool create(PoolConfiguration configuration) {
        return chosen(configuration).create(configuration);
    }

    /**
     * A new pool of {@code strategy}, configured by {@code settings} (full keys such as {@code pool.capacity}, values
     * as strings; missing keys take their defaults).
     */
    public BufferPool create(String strategy, Map<String, String> settings) {
        Map<String, String> origins = new HashMap<>();
        settings.keySet().forEach(key -> origins.put(key, SETTINGS_MAP));
        return create(configure(strategy, settings, origins));
    }
}
