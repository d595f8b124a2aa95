package dev.mcpolicy.graph;

import dev.mcpolicy.manifest.ManifestDocument;

import java.util.List;

/** Builds the {@link ResourceGraph}; placeholder until the graph implementation lands. */
final class GraphBuilder {
    private GraphBuilder() {
    }

    static ResourceGraph build(List<ManifestDocument> documents, String releaseNamespace) {
        throw new UnsupportedOperationException("graph not built yet");
    }
}
