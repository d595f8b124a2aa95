package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Ingress whose paths are MCP endpoints ({@code /mcp}, {@code /sse}) toward Services another release creates: the
 * render has no server to judge, yet the route must keep streams open, so the streaming checks apply and say that
 * the backend is outside the render.
 */
class OutsideRenderRoutesTest {

    private static List<Finding> run(String manifests) throws Exception {
        RuleSet rules = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        var documents = new ManifestLoader().loadText("rendered.yaml", manifests).documents();
        return new Engine(rules).run(ResourceGraph.build(documents, "tools"), List.of());
    }

    private static String ingress(String path, String service) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: gateway, namespace: tools}
                spec:
                  ingressClassName: nginx
                  tls: [{hosts: [tools.example.com], secretName: tools-tls}]
                  rules:
                    - host: tools.example.com
                      http:
                        paths:
                          - path: %s
                            pathType: Prefix
                            backend: {service: {name: %s, port: {number: 8080}}}
                """.formatted(path, service);
    }

    @Test
    void anMcpPathToAServiceOfAnotherReleaseGetsTheStreamingChecks() throws Exception {
        List<Finding> findings = run(ingress("/github/mcp", "github-mcp"));
        TreeSet<String> rules = new TreeSet<>(findings.stream().map(Finding::ruleId).toList());
        assertTrue(rules.containsAll(List.of("sse-proxy-buffering", "sse-read-timeout", "sse-send-timeout")),
                rules.toString());
        Finding buffering = findings.stream().filter(f -> f.ruleId().equals("sse-proxy-buffering")).findFirst()
                .orElseThrow();
        assertTrue(buffering.message().contains("Service/github-mcp (an MCP endpoint outside the render)"),
                buffering.message());
    }

    @Test
    void otherPathsToMissingServicesAreOnlyMissingBackends() throws Exception {
        List<Finding> findings = run(ingress("/api", "billing"));
        assertEquals(List.of("route-backend-exists"), findings.stream().map(Finding::ruleId).distinct().toList());
    }

    @Test
    void anMcpPathToAServiceOfTheRenderIsJudgedByItsWorkloads() throws Exception {
        String render = ingress("/sse", "cache") + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: cache, namespace: tools}
                spec: {selector: {app: cache}, ports: [{port: 8080}]}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: cache, namespace: tools, annotations: {mcpolicy.dev/mcp-server: "false"}}
                spec:
                  selector: {matchLabels: {app: cache}}
                  template:
                    metadata: {labels: {app: cache}}
                    spec: {containers: [{name: redis, image: 'redis:7'}]}
                """;
        List<Finding> findings = run(render);
        assertTrue(findings.stream().noneMatch(f -> f.ruleId().startsWith("sse-")), findings.toString());
    }
}
