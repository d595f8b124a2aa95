package dev.mcpolicy.app;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InOrderTest {
    @Test
    void resultsComeInInputOrderWhateverFinishesFirst() {
        List<Integer> items = IntStream.range(0, 12).boxed().toList();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<Integer> results = InOrder.map(items, item -> {
            threads.add(Thread.currentThread());
            try {
                Thread.sleep((12 - item) % 4 * 5L); // later items often finish first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return item * item;
        });
        assertEquals(items.stream().map(i -> i * i).toList(), results);
        assertTrue(threads.size() >= 2, "ran on " + threads);
    }

    @Test
    void aFailureReachesTheCallerAsItself() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> InOrder.map(
                List.of(1, 2, 3), item -> {
                    if (item == 2) {
                        throw new IllegalArgumentException("two");
                    }
                    return item;
                }));
        assertEquals("two", thrown.getMessage());
    }

    @Test
    void oneItemRunsOnTheCallersThread() {
        String caller = Thread.currentThread().getName();
        assertEquals(List.of(caller), InOrder.map(List.of(1), item -> Thread.currentThread().getName()));
    }
}
