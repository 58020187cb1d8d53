package io.sigmalang.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BurstPatternTest {

    @Test
    void sameSeedSameRoundsAndEveryBurstWithinBounds() {
        int[] sizes = BurstPattern.of(20_000, 7).sizes();
        assertArrayEquals(sizes, BurstPattern.of(20_000, 7).sizes());
        assertTrue(Arrays.stream(sizes).allMatch(n -> n >= 1 && n <= BurstPattern.MAX_BURST));
        // The pattern must overflow the largest capacity swept (128) now and then, or the sweep shows nothing.
        assertTrue(Arrays.stream(sizes).anyMatch(n -> n > 128));
        long small = Arrays.stream(sizes).filter(n -> n <= 8).count();
        assertTrue(small > 15_000 && small < 17_000, "about 80% small rounds, got " + small);
    }
}
