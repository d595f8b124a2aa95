package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.manifest.ManifestDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Kubernetes objects in parsed documents: a mapping with string {@code apiVersion}, {@code kind} and
 * {@code metadata.name}; {@code kind: List} and {@code *List} documents contribute their {@code items}. Anything
 * else is skipped silently (the CLI reports documents that are not objects).
 */
final class ObjectExtractor {
    private ObjectExtractor() {
    }

    static List<K8sObject> extract(List<ManifestDocument> documents, String releaseNamespace) {
        List<K8sObject> objects = new ArrayList<>();
        for (ManifestDocument document : documents) {
            JsonNode content = document == null ? null : document.content();
            if (content == null || !content.isObject()) {
                continue;
            }
            if (isList(content)) {
                JsonNode items = content.get("items");
                for (int i = 0; i < items.size(); i++) {
                    toObject(document, "/items/" + i, items.get(i), releaseNamespace).ifPresent(objects::add);
                }
            } else {
                toObject(document, "", content, releaseNamespace).ifPresent(objects::add);
            }
        }
        return objects;
    }

    private static boolean isList(JsonNode content) {
        String kind = text(content.path("kind"));
        return kind != null && kind.endsWith("List") && content.path("items").isArray();
    }

    private static Optional<K8sObject> toObject(ManifestDocument document, String basePointer,
                                                          JsonNode node, String releaseNamespace) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        String apiVersion = text(node.path("apiVersion"));
        String kind = text(node.path("kind"));
        String name = text(node.path("metadata").path("name"));
        if (apiVersion == null || kind == null || name == null) {
            return Optional.empty();
        }
        String namespace = null;
        if (!KubernetesKinds.isClusterScoped(kind)) {
            String declared = text(node.path("metadata").path("namespace"));
            namespace = declared != null ? declared : releaseNamespace;
        }
        return Optional.of(new K8sObject(document, basePointer, node, apiVersion, kind, name, namespace));
    }

    /** A non-blank string value, else null. */
    static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
