package dev.mcpolicy.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardTest {
    private static List<String> paths(long seed, int count) {
        Random random = new Random(seed);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            paths.add("charts/team-" + random.nextInt(40) + "/svc-" + Integer.toString(random.nextInt(1 << 20), 36));
        }
        return paths;
    }

    @Test
    void everyInputIsCheckedByExactlyOneShard() {
        List<String> paths = paths(1, 500);
        for (int count = 1; count <= 9; count++) {
            for (String path : paths) {
                int owners = 0;
                for (int index = 1; index <= count; index++) {
                    owners += new Shard(index, count).includes(path) ? 1 : 0;
                }
                assertEquals(1, owners, path + " in " + count + " shards");
            }
        }
    }

    @Test
    void theShareOfAPathIsStableAndPinned() {
        Shard shard = new Shard(1, 4);
        assertEquals(shard.shardOf("charts/payments"), new Shard(3, 4).shardOf("charts/payments"));
        // Pinned: a change of the hash would move every chart of every user between their CI jobs.
        assertEquals(List.of(3, 2, 3, 4, 4), List.of("charts/a", "charts/b", "charts/c", "charts/d", "rendered.yaml")
                .stream().map(shard::shardOf).toList());
    }

    @Test
    void sharesAreRoughlyEven() {
        List<String> paths = paths(2, 4000);
        int[] sizes = new int[4];
        paths.forEach(path -> sizes[new Shard(1, 4).shardOf(path) - 1]++);
        for (int size : sizes) {
            assertTrue(size > 800 && size < 1200, java.util.Arrays.toString(sizes));
        }
    }

    @Test
    void oneMoreShardMovesFewInputs() {
        List<String> paths = paths(3, 2000);
        for (int count = 2; count <= 8; count++) {
            int moved = 0;
            for (String path : paths) {
                int before = new Shard(1, count).shardOf(path);
                int after = new Shard(1, count + 1).shardOf(path);
                if (before != after) {
                    moved++;
                    assertEquals(count + 1, after, "an input only ever moves to the new shard");
                }
            }
            assertTrue(moved < 2.0 * paths.size() / (count + 1), moved + " of " + paths.size() + " moved at " + count);
        }
    }

    @Test
    void parsesKOfN() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertTrue(Shard.parse("1/1").all());
        assertFalse(Shard.parse("1/2").all());
        for (String bad : List.of("0/3", "4/3", "1", "a/b", "1/0", "-1/2", "1/2/3", "")) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
    }
}
