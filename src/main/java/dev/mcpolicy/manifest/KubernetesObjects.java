package dev.mcpolicy.manifest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** Whether a loaded document is a Kubernetes object; the loader itself returns every document it parsed. */
public final class KubernetesObjects {
    private KubernetesObjects() {
    }

    /**
     * Why a document's content is not a Kubernetes object, or empty when it is one (a mapping with non-empty
     * string {@code apiVersion} and {@code kind}). The reason is a phrase for messages such as
     * "document 3 is not a Kubernetes object (a list, not a mapping); skipped".
     */
    public static Optional<String> whyNotAnObject(JsonNode content) {
        if (content == null || content.isMissingNode() || content.isNull()) {
            return Optional.of("it is empty");
        }
        if (!content.isObject()) {
            return Optional.of(describe(content) + ", not a mapping");
        }
        Optional<String> apiVersion = missingText(content, "apiVersion");
        return apiVersion.isPresent() ? apiVersion : missingText(content, "kind");
    }

    /** "a list", "a string", "a number", "a boolean", "null", "a mapping" — for messages. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return "a string";
    }

    private static Optional<String> missingText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.of("it has no " + field);
        }
        if (!value.isTextual()) {
            return Optional.of(field + " is " + describe(value) + ", not a string");
        }
        if (value.asText().isBlank()) {
            return Optional.of(field + " is empty");
        }
        return Optional.empty();
    }
}
