package dev.mcpolicy.examples;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed renders carry exactly the problems they are meant to carry, judged by an independent oracle. */
class ExampleRendersTest {
    static final List<String> GOOD_RENDERS = ExampleFiles.GOOD_RENDERS;

    @ParameterizedTest
    @FieldSource("GOOD_RENDERS")
    void goodRenderViolatesNoStreamingPolicy(String render) {
        List<JsonNode> objects = ExampleFiles.documents(render);
        assertFalse(objects.isEmpty(), render + " holds no objects");
        assertEquals(List.of(), new StreamingPolicyOracle(objects).violations(), render);
    }

    @ParameterizedTest
    @FieldSource("GOOD_RENDERS")
    void goodRenderRoutesOnlyToServerPods(String render) {
        List<JsonNode> objects = ExampleFiles.documents(render);
        JsonNode serviceSelector = only(objects, "Service").path("spec").path("selector");
        JsonNode serverLabels = only(objects, "Deployment").path("spec").path("template").path("metadata").path("labels");
        JsonNode testPodLabels = only(objects, "Pod").path("metadata").path("labels");
        JsonNode budgetSelector = only(objects, "PodDisruptionBudget").path("spec").path("selector").path("matchLabels");

        assertEquals(serviceSelector, budgetSelector, "Service and PDB must select the same pods");
        assertTrue(contains(serverLabels, serviceSelector), "the Service must select the server pods");
        assertFalse(contains(testPodLabels, serviceSelector), "the Service must not select the Helm test pod");
    }

    @ParameterizedTest
    @FieldSource("GOOD_RENDERS")
    void goodRenderPinsTheImageToTheAppVersion(String render) {
        JsonNode container = only(ExampleFiles.documents(render), "Deployment")
                .path("spec").path("template").path("spec").path("containers").path(0);
        String chart = ExampleFiles.lines("examples/mcp-server/Chart.yaml").stream()
                .filter(line -> line.startsWith("appVersion:")).findFirst().orElseThrow()
                .replaceAll("^appVersion:\\s*\"?([^\"]+)\"?\\s*$", "$1");
        assertEquals("ghcr.io/example-org/mcp-server:" + chart, container.path("image").asText());
    }

    @Test
    void productionLeavesTheReplicaCountToTheAutoscaler() {
        List<JsonNode> objects = ExampleFiles.documents("examples/rendered/production.yaml");
        assertTrue(only(objects, "Deployment").path("spec").path("replicas").isMissingNode());
        JsonNode hpa = only(objects, "HorizontalPodAutoscaler").path("spec");
        assertEquals(3, hpa.path("minReplicas").asInt());
        assertEquals(20, hpa.path("maxReplicas").asInt());
    }

    @Test
    void brokenRenderViolatesEachPolicyWhereExpectedMdSaysSo() {
        List<String> violations = new StreamingPolicyOracle(ExampleFiles.documents(ExampleFiles.BROKEN_RENDER)).violations();
        assertEquals(List.of(
                "hpa-scale-down-stabilization HorizontalPodAutoscaler/mcp-stack-mcp-server",
                "sse-proxy-buffering Ingress/mcp-stack-mcp-public",
                "sse-read-timeout Ingress/mcp-stack-mcp-public",
                "sse-send-timeout Ingress/mcp-stack-mcp-public",
                "sse-read-timeout Ingress/mcp-stack-mcp-internal",
                "termination-grace-period Deployment/mcp-stack-mcp-server",
                "pdb-coverage Deployment/mcp-stack-mcp-server",
                "values-no-secrets Deployment/mcp-stack-mcp-server env DATABASE_URL",
                "values-no-secrets Deployment/mcp-stack-mcp-server env GITHUB_TOKEN"), violations);
    }

    private static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> ofKind = objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        assertEquals(1, ofKind.size(), "expected exactly one " + kind);
        return ofKind.get(0);
    }

    private static boolean contains(JsonNode labels, JsonNode selector) {
        for (var entry : selector.properties()) {
            if (!entry.getValue().equals(labels.path(entry.getKey()))) {
                return false;
            }
        }
        return !selector.isEmpty();
    }
}
