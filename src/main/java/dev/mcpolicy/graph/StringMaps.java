package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads labels and annotations, which Kubernetes holds as string maps. */
final class StringMaps {
    private StringMaps() {
    }

    /**
     * The scalar entries of a mapping as text, in document order; anything else gives an empty map. A YAML scalar
     * such as {@code true} reads as its text, which is how it reads when quoted.
     */
    static Map<String, String> read(JsonNode mapping) {
        if (mapping == null || !mapping.isObject() || mapping.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
            JsonNode value = entry.getValue();
            if (value.isValueNode() && !value.isNull()) {
                values.put(entry.getKey(), value.asText());
            }
        }
        return Collections.unmodifiableMap(values);
    }

    static Map<String, String> annotations(JsonNode objectOrTemplate) {
        return read(objectOrTemplate.path("metadata").path("annotations"));
    }
}
