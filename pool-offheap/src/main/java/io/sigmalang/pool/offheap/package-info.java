/**
 * The off-heap buffer-pool strategy: {@link io.sigmalang.pool.offheap.OffHeapBufferPool} keeps its buffers in
 * native memory through the FFM API.
 *
 * <p><strong>Needs Java 25 or newer.</strong> The classes of this package are Java 25 bytecode, except
 * {@link io.sigmalang.pool.offheap.OffHeapRequirement}, which loads on older JVMs to say so in words. On Java 21
 * use the fixed or the adaptive pool.
 */
package io.sigmalang.pool.offheap;
