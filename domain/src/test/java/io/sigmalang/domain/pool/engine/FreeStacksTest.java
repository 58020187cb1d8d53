package io.sigmalang.domain.pool.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FreeStacksTest {

    private static Slot[] slots(int count) {
        Slot[] slots = new Slot[count];
        for (int i = 0; i < count; i++) {
            slots[i] = new Slot(i, null);
        }
        return slots;
    }

    @Test
    void eachStackIsLastInFirstOutAndIndependent() {
        FreeStacks stacks = new FreeStacks(3, slots(10));
        stacks.push(1, 4);
        stacks.push(1, 7);
        stacks.push(2, 0);
        assertEquals(7, stacks.pop(1));
        assertEquals(4, stacks.pop(1));
        assertEquals(-1, stacks.pop(1));
        assertEquals(-1, stacks.pop(0));
        assertEquals(0, stacks.pop(2));
        assertEquals(-1, stacks.pop(2));
    }

    @Test
    void underContentionNoIndexIsEverOwnedTwiceOrLost() throws Exception {
        int slots = 8;
        FreeStacks stacks = new FreeStacks(2, slots(slots));
        for (int i = 0; i < slots; i++) {
            stacks.push(i & 1, i);
        }
        AtomicIntegerArray owner = new AtomicIntegerArray(slots);
        AtomicLong doubleOwned = new AtomicLong();
        AtomicLong operations = new AtomicLong();
        long end = System.nanoTime() + 500_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int me = t + 1;
            threads.add(Thread.ofPlatform().start(() -> {
                long round = 0;
                while (System.nanoTime() < end) {
                    round++;
                    int index = stacks.pop((int) (round & 1));
                    if (index < 0) {
                        continue;
                    }
                    if (!owner.compareAndSet(index, 0, me)) {
                        doubleOwned.incrementAndGet();
                    }
                    Thread.onSpinWait();
                    owner.set(index, 0);
                    stacks.push((int) ((round >> 1) & 1), index);
                    operations.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, doubleOwned.get());
        assertTrue(operations.get() > 1000, operations.get() + " operations");
        Set<Integer> left = new HashSet<>();
        for (int stack = 0; stack < 2; stack++) {
            for (int index; (index = stacks.pop(stack)) >= 0; ) {
                assertTrue(left.add(index), "index " + index + " twice in the stacks");
            }
        }
        assertEquals(slots, left.size(), "every index is back");
    }
}
