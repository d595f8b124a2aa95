package dev.mcpolicy.graph;

import dev.mcpolicy.manifest.ManifestDocument;

import java.util.List;

/** Builds the {@link ResourceGraph}. */
final class GraphBuilder {
    static final String DEFAULT_NAMESPACE = "default";

    private GraphBuilder() {
    }

    /**
     * @param documents        parsed documents in input order (null reads as none)
     * @param releaseNamespace namespace of objects that set none; null or blank means {@code default}
     */
    static ResourceGraph build(List<ManifestDocument> documents, String releaseNamespace) {
        return build(documents, releaseNamespace, McpMarkers.NONE);
    }

    static ResourceGraph build(List<ManifestDocument> documents, String releaseNamespace, McpMarkers markers) {
        String namespace = releaseNamespace == null || releaseNamespace.isBlank()
                ? DEFAULT_NAMESPACE : releaseNamespace.trim();
        List<K8sObject> objects = ObjectExtractor.extract(documents == null ? List.of() : documents, namespace);
        return new IndexedResourceGraph(objects, markers);
    }
}
