package io.sigmalang.pool.offheap;

import io.sigmalang.domain.pool.BufferPool;
import io.sigmalang.domain.pool.spi.CommonKnobs;
import io.sigmalang.domain.pool.spi.KnobKind;
import io.sigmalang.domain.pool.spi.PoolConfiguration;
import io.sigmalang.domain.pool.spi.PoolKnob;
import io.sigmalang.domain.pool.spi.PoolStrategyProvider;
import java.util.List;

/** The {@code offheap} strategy for {@link java.util.ServiceLoader}: an {@link OffHeapBufferPool} and its zeroing knob. */
public final class OffHeapPoolProvider implements PoolStrategyProvider {
    public static final PoolKnob ZEROING = new PoolKnob("pool.offheap.zeroing",
            "whether the off-heap pool overwrites a released buffer with zeros before lending it again",
            new KnobKind.Choice(List.of("none", "on-release")),
            OffHeapSettings.defaults().zeroOnRelease() ? "on-release" : "none");

    @Override
    public String name() {
        return OffHeapBufferPool.NAME;
    }

    @Override
    public String description() {
        return "native (FFM) buffers, pool.capacity of them allocated up front, freed at close";
    }

    @Override
    public List<PoolKnob> knobs() {
        return List.of(ZEROING);
    }

    /** Its buffers are all allocated up front: they must fit the bound. */
    @Override
    public void checkWhenChosen(PoolConfiguration configuration) {
        CommonKnobs.preallocated(configuration);
    }

    @Override
    public BufferPool create(PoolConfiguration configuration) {
        return new OffHeapBufferPool(settings(configuration));
    }

    /** The configuration as the off-heap pool's own settings. */
    public static OffHeapSettings settings(PoolConfiguration configuration) {
        return new OffHeapSettings(CommonKnobs.preallocated(configuration),
                configuration.choice(ZEROING).equals("on-release"));
    }
}
