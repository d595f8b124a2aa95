package dev.mcpolicy.engine.mechanism;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * A check's {@code where} filters, bound and validated against the selector's {@link Selector#filters()} when the
 * rule is compiled: boolean filters and string-list filters (a single string is a one-item list).
 */
public record Where(Map<String, Boolean> flags, Map<String, List<String>> lists) {
    public Where {
        flags = Map.copyOf(flags);
        lists = Map.copyOf(lists);
    }

    public static Where none() {
        return new Where(Map.of(), Map.of());
    }

    /**
     * The filters of a {@code where} block as written: booleans become flags, strings and lists of strings become
     * lists; anything else is left out (see {@link #problems} for what is wrong with it).
     */
    public static Where of(JsonNode where) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (where != null) {
            where.properties().forEach(filter -> {
                JsonNode value = filter.getValue();
                if (value.isBoolean()) {
                    flags.put(filter.getKey(), value.booleanValue());
                } else if (value.isTextual()) {
                    lists.put(filter.getKey(), List.of(value.asText()));
                } else if (value.isArray()) {
                    List<String> items = new ArrayList<>();
                    value.forEach(item -> items.add(item.asText()));
                    lists.put(filter.getKey(), items);
                }
            });
        }
        return new Where(flags, lists);
    }

    /**
     * Reports each filter of {@code where} that {@code selector} does not know or that has the wrong type, as
     * (filter name, message).
     */
    public static void problems(JsonNode where, Selector selector, BiConsumer<String, String> problems) {
        if (where == null || !where.isObject()) {
            return;
        }
        where.properties().forEach(entry -> {
            Filter filter = selector.filters().get(entry.getKey());
            if (filter == null) {
                problems.accept(entry.getKey(), "unknown filter '" + entry.getKey() + "' for target " + selector.name()
                        + (selector.filters().isEmpty() ? " (it has no filters)"
                        : "; known: " + String.join(", ", new TreeSet<>(selector.filters().keySet()))));
                return;
            }
            JsonNode value = entry.getValue();
            boolean ok = switch (filter.type()) {
                case BOOLEAN -> value.isBoolean();
                case STRINGS -> value.isTextual() || value.isArray() && value.size() > 0 && allTextual(value);
            };
            if (!ok) {
                problems.accept(entry.getKey(), filter.type() == Filter.Type.BOOLEAN ? "must be true or false"
                        : "must be a string or a list of strings");
            }
        });
    }

    private static boolean allTextual(JsonNode list) {
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return flags.isEmpty() && lists.isEmpty();
    }

    public Optional<Boolean> bool(String name) {
        return Optional.ofNullable(flags.get(name));
    }

    /** The listed strings, or empty when the filter is not set. */
    public Optional<List<String>> strings(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    /** True when the filter is unset or lists {@code candidate}. */
    public boolean allows(String name, String candidate) {
        return strings(name).map(list -> list.contains(candidate)).orElse(true);
    }

    /** True when the filter is unset or equals {@code actual}. */
    public boolean allows(String name, boolean actual) {
        return bool(name).map(wanted -> wanted == actual).orElse(true);
    }
}
