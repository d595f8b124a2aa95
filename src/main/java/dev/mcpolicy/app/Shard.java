package dev.mcpolicy.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One of {@code count} shares of a run's inputs ({@code --shard index/count}, 1-based), for spreading a monorepo's
 * charts over a CI system's parallel jobs. A chart or rendered input belongs to the shard its repository-relative
 * path hashes to, with jump consistent hashing (Lamping and Veach): the share of one path depends on that path alone,
 * so adding or removing a chart moves no other, and going from N to N+1 shards moves only about 1/(N+1) of them.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 ≤ K ≤ N (was " + index + "/" + count + ")");
        }
    }

    /** Parses {@code K/N}. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,6}") || !parts[1].matches("[0-9]{1,6}")) {
            throw new IllegalArgumentException("--shard must be K/N, e.g. 2/4 (was '" + text + "')");
        }
        int index = Integer.parseInt(parts[0]);
        int count = Integer.parseInt(parts[1]);
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard K/N needs 1 ≤ K ≤ N (was '" + text + "')");
        }
        return new Shard(index, count);
    }

    public boolean all() {
        return count == 1;
    }

    /** True when the input at this repository-relative path is checked by this shard. */
    public boolean includes(String path) {
        return shardOf(path) == index;
    }

    /** The 1-based shard that checks the input at this path. */
    public int shardOf(String path) {
        return jump(key(path), count) + 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    private static long key(String path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = key << 8 | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jump consistent hash: a bucket in [0, buckets) for a 64-bit key. */
    static int jump(long key, int buckets) {
        long b = -1;
        long j = 0;
        while (j < buckets) {
            b = j;
            key = key * 2862933555777941757L + 1;
            j = (long) ((b + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) b;
    }
}
