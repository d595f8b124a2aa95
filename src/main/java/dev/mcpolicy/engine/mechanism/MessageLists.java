package dev.mcpolicy.engine.mechanism;

import java.util.Collection;
import java.util.List;

/**
 * Lists inside finding messages, capped so a message stays short on big renders: the first items, then
 * "and N more" ({@code ports http (8080), metrics (9090), grpc (9091) and 4 more}). The full lists stay in the
 * related locations and properties where a finding has them.
 */
public final class MessageLists {
    /** The usual cap: what a reviewer reads at a glance. */
    public static final int DEFAULT_MAX = 4;

    private MessageLists() {
    }

    public static String join(Collection<String> items) {
        return join(items, DEFAULT_MAX, ", ");
    }

    public static String join(Collection<String> items, int max) {
        return join(items, max, ", ");
    }

    public static String join(Collection<String> items, int max, String separator) {
        List<String> all = List.copyOf(items);
        if (all.size() <= max) {
            return String.join(separator, all);
        }
        return String.join(separator, all.subList(0, max)) + " and " + (all.size() - max) + " more";
    }
}
