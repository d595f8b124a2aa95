package dev.mcpolicy.parallel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InParallelTest {
    @Test
    void resultsComeBackInIndexOrderWhateverEachPieceCosts() {
        Random random = new Random(12);
        int[] work = IntStream.range(0, 5_000).map(i -> random.nextInt(2_000)).toArray();
        List<Long> results = InParallel.map(work.length, 2, i -> {
            long sum = 0;
            for (int k = 0; k < work[i]; k++) {
                sum += k ^ i;
            }
            return sum * 31 + i;
        });
        assertEquals(work.length, results.size());
        for (int i = 0; i < work.length; i++) {
            long sum = 0;
            for (int k = 0; k < work[i]; k++) {
                sum += k ^ i;
            }
            assertEquals(sum * 31 + i, results.get(i), "index " + i);
        }
    }

    @Test
    void everyIndexIsMappedExactlyOnce() {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        List<Integer> results = InParallel.map(10_007, 2, i -> {
            assertEquals(true, seen.add(i), "index " + i + " twice");
            return i;
        });
        assertEquals(IntStream.range(0, 10_007).boxed().toList(), results);
    }

    @Test
    void belowTheThresholdEverythingRunsOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        List<Thread> threads = InParallel.map(50, 100, i -> Thread.currentThread());
        threads.forEach(thread -> assertSame(caller, thread));
        assertEquals(List.of(), InParallel.map(0, 1, i -> i));
    }

    @Test
    void aFailureOnAnyThreadReachesTheCaller() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> InParallel.map(1_000, 2, i -> {
            if (i == 777) {
                throw new IllegalStateException("piece 777");
            }
            return i;
        }));
        assertEquals("piece 777", thrown.getMessage());
    }
}
