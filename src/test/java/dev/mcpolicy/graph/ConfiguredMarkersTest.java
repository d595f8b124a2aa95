package dev.mcpolicy.graph;

import dev.mcpolicy.manifest.ManifestLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfiguredMarkersTest {
    private static final String RENDER = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: tools}
            spec:
              template:
                metadata:
                  annotations: {example.com/tool-server: "true"}
                spec:
                  containers: [{name: app, image: registry.example.com/tools/search:1.2}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: search}
            spec:
              template:
                spec:
                  containers: [{name: app, image: registry.example.com/tools/search:1.2}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: worker}
            spec:
              template:
                spec:
                  containers: [{name: app, image: busybox:1.36, env: [{name: TOOL_PORT, value: "9000"}]}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: postgres}
            spec:
              template:
                spec:
                  containers: [{name: db, image: postgres:16}]
            """;

    private static List<McpDecision> decisions(McpMarkers markers) {
        return ResourceGraph.build(new ManifestLoader().loadText("r.yaml", RENDER).documents(), "default", markers)
                .mcpDecisions();
    }

    @Test
    void configuredAnnotationsImagesAndEnvVarsMarkServersWithTheirReason() {
        List<McpDecision> decisions = decisions(new McpMarkers(List.of("example.com/tool-server"),
                List.of("registry.example.com/tools/*"), List.of("TOOL_PORT")));
        assertTrue(decisions.get(0).reason().contains("annotation example.com/tool-server is \"true\""),
                decisions.get(0).reason());
        assertTrue(decisions.get(1).reason().contains("matches registry.example.com/tools/*"), decisions.get(1).reason());
        assertTrue(decisions.get(2).reason().contains("sets env TOOL_PORT"), decisions.get(2).reason());
        assertEquals(List.of(true, true, true, false), decisions.stream().map(McpDecision::mcpServer).toList());
        assertFalse(decisions.stream().anyMatch(McpServerDetector::inferred));
    }

    @Test
    void withoutThemNothingIsMarkedAndEveryWorkloadIsInferred() {
        assertTrue(decisions(McpMarkers.NONE).stream().allMatch(McpServerDetector::inferred));
    }
}
