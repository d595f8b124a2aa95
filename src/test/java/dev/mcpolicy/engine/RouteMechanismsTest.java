package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The route selectors, the known-controller relation and the value options streaming rules rely on. */
class RouteMechanismsTest {
    private static final String SERVER = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: mcp}
            spec:
              selector: {matchLabels: {app: mcp}}
              template:
                metadata: {labels: {app: mcp}}
                spec: {containers: [{name: server, image: ghcr.io/acme/mcp-server:1}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: mcp}
            spec: {selector: {app: mcp}, ports: [{name: http, port: 8080}]}
            ---
            """;

    private static List<Finding> run(String ruleText, String manifests) throws RuleLoadException {
        RuleDefinition rule = RuleCompiler.standard().ruleLoader().parse("custom.yaml", null, ruleText);
        List<ManifestDocument> documents = new ManifestLoader().loadText("rendered.yaml", SERVER + manifests).documents();
        return new Engine(new RuleSet(List.of(rule))).run(ResourceGraph.build(documents, "default"), List.of());
    }

    private static String rule(String check) {
        return """
                id: custom
                title: custom
                level: error
                tags: [test]
                precision: high
                rationale: r
                help: h
                parameters:
                  minSeconds: {type: integer, default: 3600, description: d}
                check:
                %s
                examples:
                  - {name: e, expect: pass, manifests: ""}
                """.formatted(check.indent(2));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            idle_timeout.timeout_seconds=4000                              | pass
            deletion_protection.enabled=true, idle_timeout.timeout_seconds=3600 | pass
            idle_timeout.timeout_seconds=60                                | 60 (4:1)
            deletion_protection.enabled=true                               | 30 (4:1)
            idle_timeout.timeout_seconds=ten                               | invalid ten
            """)
    void listItemsAreReadFromCommaSeparatedAnnotations(String attributes, String expected) throws Exception {
        List<Finding> findings = run(rule("""
                target: routes
                assert:
                  annotation:
                    key: example.com/attributes
                    listItem: idle_timeout.timeout_seconds
                    as: integer
                    default: 30
                    min: ${minSeconds}
                message: "{object} {actual} {item}"
                messages:
                  invalid: "{object} invalid {written}"
                """), """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: edge
                  annotations: {example.com/attributes: "%s"}
                spec: {defaultBackend: {service: {name: mcp, port: {number: 8080}}}}
                """.formatted(attributes));
        if (expected.equals("pass")) {
            assertEquals(List.of(), findings);
        } else {
            assertEquals(1, findings.size());
            String actual = expected.split(" ")[0];
            assertTrue(findings.get(0).message().startsWith("Ingress/edge " + actual), findings.get(0).message());
        }
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            first.example/timeout  | 1h    | pass
            second.example/timeout | 2h    | pass
            second.example/timeout | 10m   | second.example/timeout 600
            other.example/timeout  | 2h    | first.example/timeout 50
            first.example/timeout  | 3600  | first.example/timeout 3.6
            """)
    void alternativeKeysAreCheckedWhenThePrimaryIsAbsent(String key, String value, String expected) throws Exception {
        List<Finding> findings = run(rule("""
                target: routes
                assert:
                  annotation:
                    key: first.example/timeout
                    alternativeKeys: [second.example/timeout]
                    as: duration-ms
                    default: 50s
                    min: ${minSeconds}
                message: "{object} {key} {actual}"
                """), """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: edge
                  annotations: {%s: "%s"}
                spec: {defaultBackend: {service: {name: mcp, port: {number: 8080}}}}
                """.formatted(key, value));
        assertEquals(expected.equals("pass") ? List.of() : List.of("Ingress/edge " + expected),
                findings.stream().map(Finding::message).toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            infinity | pass
            Infinite | pass
            0s       | 0
            30s      | 30
            never    | invalid
            """)
    void unlimitedValuesPassAnyBound(String value, String expected) throws Exception {
        List<Finding> findings = run(rule("""
                target: route-rules
                where: { kind: [HTTPProxy] }
                assert:
                  value:
                    path: /timeoutPolicy/response
                    as: duration
                    default: 15s
                    unlimited: [infinity, infinite]
                    min: ${minSeconds}
                message: "{object} {rule} {actual}"
                messages:
                  invalid: "{object} {rule} invalid"
                """), """
                apiVersion: projectcontour.io/v1
                kind: HTTPProxy
                metadata: {name: proxy}
                spec:
                  routes:
                    - timeoutPolicy: {response: %s}
                      services: [{name: mcp, port: 8080}]
                """.formatted(value));
        assertEquals(expected.equals("pass") ? List.of() : List.of("HTTPProxy/proxy spec.routes[0] " + expected),
                findings.stream().map(Finding::message).toList());
    }

    @Test
    void routeRulesOnlyYieldRulesThatReachAnMcpServer() throws Exception {
        List<Finding> findings = run(rule("""
                target: route-rules
                where: { kind: [HTTPRoute], routesToMcpServer: true }
                assert:
                  value: {path: /timeouts/request, as: duration, default: 15s, min: "${minSeconds}"}
                message: "{object} {rule} {mcpServers} {controller}"
                """), """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: route}
                spec:
                  rules:
                    - backendRefs: [{name: elsewhere, port: 80}]
                    - backendRefs: [{name: mcp, port: 8080}]
                """);
        assertEquals(List.of("HTTPRoute/route spec.rules[1] Deployment/mcp gateway-api"),
                findings.stream().map(Finding::message).toList());
        assertEquals("/spec/rules/1/timeouts/request", findings.get(0).pointer());
    }

    @Test
    void routeAttachmentsYieldEachAttachedObjectOnceWithAllItsRoutes() throws Exception {
        List<Finding> findings = run(rule("""
                target: route-attachments
                where: { kind: [Middleware], specHas: [buffering], routesToMcpServer: true }
                assert:
                  value: {path: /spec/buffering/disableResponseBuffer, as: boolean, default: false, equals: true}
                message: "{object} on {routes} to {mcpServers}"
                """), """
                apiVersion: traefik.io/v1alpha1
                kind: Middleware
                metadata: {name: limit}
                spec: {buffering: {maxRequestBodyBytes: 10}}
                ---
                apiVersion: traefik.io/v1alpha1
                kind: Middleware
                metadata: {name: headers}
                spec: {headers: {customResponseHeaders: {X-A: b}}}
                ---
                apiVersion: traefik.io/v1alpha1
                kind: IngressRoute
                metadata: {name: one}
                spec:
                  routes: [{middlewares: [{name: limit}, {name: headers}], services: [{name: mcp, port: 8080}]}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: two
                  annotations: {traefik.ingress.kubernetes.io/router.middlewares: default-limit@kubernetescrd}
                spec:
                  ingressClassName: traefik
                  defaultBackend: {service: {name: mcp, port: {number: 8080}}}
                """);
        assertEquals(List.of("Middleware/limit on IngressRoute/one, Ingress/two to Deployment/mcp"),
                findings.stream().map(Finding::message).toList());
    }

    @Test
    void knownControllerPointsAtWhatNamedTheController() throws Exception {
        List<Finding> findings = run(rule("""
                target: routes
                where: { routesToMcpServer: true }
                assert:
                  relation: {name: known-controller}
                message: "{object}: {controllerReason}"
                """), """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: legacy
                  annotations: {kubernetes.io/ingress.class: skipper}
                spec: {defaultBackend: {service: {name: mcp, port: {number: 8080}}}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: known}
                spec:
                  ingressClassName: traefik
                  defaultBackend: {service: {name: mcp, port: {number: 8080}}}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: route}
                spec:
                  parentRefs: [{name: shared}]
                  rules: [{backendRefs: [{name: mcp, port: 8080}]}]
                """);
        assertEquals(List.of("/metadata/annotations/kubernetes.io~1ingress.class", "/spec/parentRefs"),
                findings.stream().map(Finding::pointer).toList());
    }

    @Test
    void misusedOptionsAreRuleLoadProblems() {
        assertThrows(RuleLoadException.class, () -> run(rule("""
                target: workloads
                assert:
                  relation: {name: known-controller}
                message: m
                """), ""));
        assertThrows(RuleLoadException.class, () -> run(rule("""
                target: routes
                assert:
                  value: {path: /spec/x, alternativeKeys: [a], min: 1}
                message: m
                """), ""));
        assertThrows(RuleLoadException.class, () -> run(rule("""
                target: routes
                assert:
                  annotation: {key: a, unlimited: [0], required: true}
                message: m
                """), ""));
    }
}
