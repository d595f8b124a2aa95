package dev.mcpolicy.engine.workloads;

import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RenderEnvironmentTest {

    @ParameterizedTest(name = "namespace {0}, values {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "production | - | true",
            "mcp-prod-eu | - | true",
            "mcp | - | false",
            "products | - | false",
            "mcp | charts/values.yaml,charts/values-production.yaml | true",
            "mcp | deploy/prod.values.yaml | true",
            "production | values.yaml,values-staging.yaml | false",
            "production | values.yaml | true",
            "staging | values-prod.yaml | true",
            "mcp | values.yaml,values-dev.yaml | false",
    })
    void decidesFromValuesFilesThenNamespace(String namespace, String valuesFiles, boolean production) {
        ManifestLoader loader = new ManifestLoader();
        List<ManifestDocument> manifests = loader.loadText("render.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: mcp, namespace: %s}
                spec:
                  selector: {matchLabels: {app: mcp}}
                  template:
                    metadata: {labels: {app: mcp}}
                    spec:
                      containers: [{name: server, image: "ghcr.io/acme/mcp-server:1"}]
                """.formatted(namespace)).documents();
        List<ManifestDocument> values = new ArrayList<>();
        if (!valuesFiles.equals("-")) {
            for (String file : valuesFiles.split(",")) {
                values.addAll(loader.loadText(file, "replicaCount: 2\n").documents());
            }
        }
        ResourceGraph graph = ResourceGraph.build(manifests, "default");
        K8sObject deployment = graph.ofKind("Deployment").get(0);
        assertEquals(production, RenderEnvironment.matches(RenderEnvironment.valuesFileWords(values), deployment,
                List.of("prod", "production")));
    }
}
