package dev.mcpolicy.config;

import java.util.Collection;
import java.util.Optional;

/** The nearest valid name to a misspelt one (Levenshtein distance, at most a third of the name's length). */
public final class Suggestions {
    private Suggestions() {
    }

    public static Optional<String> nearest(String wrong, Collection<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int distance = distance(wrong.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, wrong.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** {@code ; did you mean 'x'?}, or nothing when no name is near. */
    public static String didYouMean(String wrong, Collection<String> valid) {
        return nearest(wrong, valid).map(name -> "; did you mean '" + name + "'?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
