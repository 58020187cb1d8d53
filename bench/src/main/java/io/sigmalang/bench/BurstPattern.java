package io.sigmalang.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A synthetic load of bursts: in each round a caller holds {@code n} leases at once, then gives them all back.
 *
 * <p>Most rounds are small (1 to 8 leases, 80%), some medium (9 to 48, 15%), a few large (49 to
 * {@value #MAX_BURST}, 5%): the shape of a server that usually serves a handful of messages at once and now and
 * then a crowd. The largest burst exceeds the largest capacity the report sweeps (128), so every capacity sees
 * some overflow and the sweep shows where capacity stops paying. The sequence is fixed by its seed, so every
 * strategy and capacity meets exactly the same rounds.
 */
final class BurstPattern {
    /** The largest number of leases held at once. */
    static final int MAX_BURST = 160;

    private final int[] sizes;

    private BurstPattern(int[] sizes) {
        this.sizes = sizes;
    }

    /** {@code rounds} burst sizes drawn with {@code seed}. */
    static BurstPattern of(int rounds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] sizes = new int[rounds];
        for (int i = 0; i < rounds; i++) {
            double kind = random.nextDouble();
            if (kind < 0.80) {
                sizes[i] = random.nextInt(1, 9);
            } else if (kind < 0.95) {
                sizes[i] = random.nextInt(9, 49);
            } else {
                sizes[i] = random.nextInt(49, MAX_BURST + 1);
            }
        }
        return new BurstPattern(sizes);
    }

    /** The burst sizes, in order. */
    int[] sizes() {
        return sizes.clone();
    }

    /** All leases over all rounds. */
    long totalLeases() {
        return Arrays.stream(sizes).asLongStream().sum();
    }

    int rounds() {
        return sizes.length;
    }
}
