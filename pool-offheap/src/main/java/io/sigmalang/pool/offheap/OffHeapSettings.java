package io.sigmalang.pool.offheap;

import io.sigmalang.domain.pool.PoolChecks;
import io.sigmalang.domain.pool.PoolSettings;

/**
 * The knobs of an {@link OffHeapBufferPool}.
 *
 * @param pool          the common settings (default 32 buffers of 4,096 bytes, all allocated up front)
 * @param zeroOnRelease whether a released buffer is overwritten with zeros before it is lent again. Off by
 *                      default: zeroing 4 KiB costs more than the whole acquire and release, the next holder
 *                      writes from position 0 and reads only what it wrote (the encoder copies exactly the
 *                      bytes it wrote), and native memory is not handed to other code. Turn it on when buffers
 *                      hold secrets that must not linger in memory.
 */
public record OffHeapSettings(PoolSettings pool, boolean zeroOnRelease) {

    public OffHeapSettings {
        PoolChecks.notNull("pool", pool);
    }

    /** 32 buffers of 4,096 bytes, not zeroed on release. */
    public static OffHeapSettings defaults() {
        return new OffHeapSettings(PoolSettings.defaults(), false);
    }

    public OffHeapSettings withPool(PoolSettings pool) {
        return new OffHeapSettings(pool, zeroOnRelease);
    }

    public OffHeapSettings withZeroOnRelease(boolean zeroOnRelease) {
        return new OffHeapSettings(pool, zeroOnRelease);
    }
}
