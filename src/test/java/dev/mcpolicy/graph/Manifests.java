package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.PositionIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Test input: YAML text read with jackson-dataformat-yaml into documents without positions. */
final class Manifests {
    private static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    static List<ManifestDocument> documents(String yamlStream) {
        List<ManifestDocument> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> nodes = YAML.readerFor(JsonNode.class).readValues(yamlStream)) {
            int index = 0;
            while (nodes.hasNext()) {
                JsonNode content = nodes.next();
                documents.add(new ManifestDocument("test.yaml", index, 1, null, content, PositionIndex.empty()));
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static JsonNode node(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResourceGraph graph(String yamlStream) {
        return ResourceGraph.build(documents(yamlStream), "release-ns");
    }

    static K8sObject object(ResourceGraph graph, String kind, String name) {
        return graph.objects().stream()
                .filter(o -> o.kind().equals(kind) && o.name().equals(name))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in the graph"));
    }

    static Workload workload(ResourceGraph graph, String kind, String name) {
        return graph.workload(object(graph, kind, name)).orElseThrow();
    }

    static List<String> names(List<?> objectsOrWorkloads) {
        return objectsOrWorkloads.stream()
                .map(o -> o instanceof Workload w ? w.object().displayName() : ((K8sObject) o).displayName())
                .toList();
    }
}
