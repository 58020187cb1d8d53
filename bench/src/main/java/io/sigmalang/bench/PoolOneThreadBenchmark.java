package io.sigmalang.bench;

import org.openjdk.jmh.annotations.Threads;

/** {@link PoolBenchmark} at one thread. */
@Threads(1)
public class PoolOneThreadBenchmark extends PoolBenchmark {
}
