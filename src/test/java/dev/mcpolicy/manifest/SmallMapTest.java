package dev.mcpolicy.manifest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link SmallMap} behaves as a {@link LinkedHashMap} under random operations (seeded). */
class SmallMapTest {
    @Test
    void behavesLikeALinkedHashMap() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            Map<String, Integer> expected = new LinkedHashMap<>();
            Map<String, Integer> actual = new SmallMap<>(random.nextInt(4));
            for (int step = 0; step < 40; step++) {
                String key = "k" + random.nextInt(10);
                switch (random.nextInt(5)) {
                    case 0, 1 -> assertEquals(expected.put(key, step), actual.put(key, step));
                    case 2 -> assertEquals(expected.remove(key), actual.remove(key));
                    case 3 -> {
                        Iterator<Map.Entry<String, Integer>> e = expected.entrySet().iterator();
                        Iterator<Map.Entry<String, Integer>> a = actual.entrySet().iterator();
                        while (e.hasNext()) {
                            Map.Entry<String, Integer> next = e.next();
                            assertEquals(next, a.next());
                            if (next.getValue() % 3 == 0) {
                                e.remove();
                                a.remove();
                            }
                        }
                    }
                    default -> assertEquals(expected.get(key), actual.get(key));
                }
                assertEquals(expected, actual);
                assertEquals(actual, expected);
                assertEquals(expected.hashCode(), actual.hashCode());
                assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
                assertEquals(List.copyOf(expected.values()), List.copyOf(actual.values()));
            }
        }
    }
}
