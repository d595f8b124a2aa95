package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Levels that match the risk: a missing response-side setting (buffering, read timeout) breaks MCP streams and is an
 * error; a request-side one (send/write timeout) only matters for long uploads and WebSockets and is a warning; a
 * numeric port that ports[] does not list still works and is a note, while a named one that no container has is an
 * error.
 */
class PolicyLevelsTest {
    private static final String SERVER = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: mcp}
            spec:
              replicas: 2
              selector: {matchLabels: {app: mcp}}
              template:
                metadata: {labels: {app: mcp}}
                spec:
                  containers:
                    - name: server
                      image: ghcr.io/acme/mcp-server:1.0.0
                      ports: [{name: http, containerPort: 8080}]
                      readinessProbe: {httpGet: {path: /health, port: %s}}
                      livenessProbe: {httpGet: {path: /health, port: http}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: mcp%s}
            spec:
              selector: {app: mcp}
              ports: [{port: 80, targetPort: %s}]
            """;

    private static String ingress(String className, String annotations) {
        return """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: mcp
                  annotations: {%s}
                spec:
                  ingressClassName: %s
                  rules:
                    - http:
                        paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: mcp, port: {number: 80}}}}
                """.formatted(annotations, className);
    }

    /** Rule id (plus message start for rules with several checks) → level of its finding. */
    private static Map<String, Level> levels(String manifests, String... ruleIds) throws Exception {
        RuleSet pack = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        var documents = new ManifestLoader().loadText("rendered.yaml", manifests).documents();
        Map<String, Level> out = new TreeMap<>();
        for (Finding finding : new Engine(pack).run(ResourceGraph.build(documents, "default"), List.of())) {
            if (List.of(ruleIds).contains(finding.ruleId())) {
                String key = finding.ruleId() + (finding.message().contains("upload") ? " (request side)" : "");
                out.put(key, finding.level());
            }
        }
        return out;
    }

    @Test
    void ingressNginxResponseSettingsAreErrorsTheSendTimeoutAWarning() throws Exception {
        String render = SERVER.formatted("http", "", "http") + ingress("nginx", "");
        assertEquals(Map.of("sse-proxy-buffering", Level.ERROR, "sse-read-timeout", Level.ERROR,
                        "sse-send-timeout (request side)", Level.WARNING),
                levels(render, "sse-proxy-buffering", "sse-read-timeout", "sse-send-timeout"));
    }

    @Test
    void anUnquotedSendTimeoutIsStillAnErrorBecauseKubernetesRejectsIt() throws Exception {
        String render = SERVER.formatted("http", "", "http")
                + ingress("nginx", "nginx.ingress.kubernetes.io/proxy-send-timeout: 3600");
        assertEquals(Map.of("sse-send-timeout", Level.ERROR), levels(render, "sse-send-timeout"));
    }

    @Test
    void kongAndNginxIncTreatWritesTheSameWay() throws Exception {
        String kong = SERVER.formatted("http", "", "http") + ingress("kong", "");
        assertEquals(Map.of("stream-timeout-kong", Level.ERROR, "stream-timeout-kong (request side)", Level.WARNING),
                levels(kong, "stream-timeout-kong"));
        String nginxInc = SERVER.formatted("http", "", "http") + ingress("nginx-inc", "")
                + "---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx-inc}\n"
                + "spec: {controller: nginx.org/ingress-controller}\n";
        assertEquals(Map.of("stream-timeout-nginx-inc", Level.ERROR,
                        "stream-timeout-nginx-inc (request side)", Level.WARNING),
                levels(nginxInc, "stream-timeout-nginx-inc"));
    }

    @Test
    void numericPortsTheContainerDoesNotListAreNotesNamedOnesErrors() throws Exception {
        String numeric = SERVER.formatted("9090", "", "9090");
        assertEquals(Map.of("container-probes", Level.NOTE, "service-target-port", Level.NOTE),
                levels(numeric, "container-probes", "probe-port", "service-target-port"));
        String named = SERVER.formatted("metrics", "", "web");
        assertEquals(Map.of("probe-port", Level.ERROR, "service-target-port", Level.ERROR),
                levels(named, "container-probes", "probe-port", "service-target-port"));
    }
}
