package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A check's {@code where} filters, already validated against the selector's {@link Selector#filters()}. */
public record Where(JsonNode filters) {
    public static Where none() {
        return new Where(JsonNodeFactory.instance.objectNode());
    }

    public Optional<Boolean> bool(String name) {
        JsonNode value = filters.get(name);
        return value != null && value.isBoolean() ? Optional.of(value.booleanValue()) : Optional.empty();
    }

    /** The listed strings, or empty when the filter is not set. */
    public Optional<List<String>> strings(String name) {
        JsonNode value = filters.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> out.add(item.asText()));
        } else {
            out.add(value.asText());
        }
        return Optional.of(out);
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
