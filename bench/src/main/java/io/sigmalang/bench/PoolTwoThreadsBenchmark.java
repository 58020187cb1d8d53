package io.sigmalang.bench;

import org.openjdk.jmh.annotations.Threads;

/** {@link PoolBenchmark} at two threads sharing each pool. */
@Threads(2)
public class PoolTwoThreadsBenchmark extends PoolBenchmark {
}
