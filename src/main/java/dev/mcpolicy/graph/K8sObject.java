package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.manifest.ManifestDocument;

/**
 * One Kubernetes object of the render. A document holds one object, or several when it is a
 * {@code kind: List} (then {@code basePointer} is {@code /items/N}).
 *
 * @param namespace the effective namespace: metadata.namespace, or the release namespace when unset
 *                  (null for cluster-scoped kinds)
 */
public record K8sObject(ManifestDocument document, String basePointer, JsonNode node, String apiVersion,
                        String kind, String name, String namespace) {

    /** Pointer of a path inside this object, in document coordinates. */
    public String pointer(String relativePointer) {
        return basePointer + relativePointer;
    }

    /** "Deployment/mcp-server" — how messages name an object. */
    public String displayName() {
        return kind + "/" + name;
    }

    /** Stable identity across runs: apiVersion/kind/namespace/name. */
    public String identity() {
        return apiVersion + "/" + kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
    }
}
