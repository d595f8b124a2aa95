package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {
    private static final String SERVER = """
            # Source: mcp/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: mcp, namespace: prod}
            spec:
              selector: {matchLabels: {app: mcp}}
              template:
                metadata: {labels: {app: mcp}}
                spec:
                  containers:
                    - name: server
                      image: ghcr.io/acme/mcp-server:latest
            ---
            # Source: mcp/templates/service.yaml
            apiVersion: v1
            kind: Service
            metadata: {name: mcp, namespace: prod}
            spec:
              selector: {app: mcp}
              ports: [{port: 8080}]
            """;

    private static final String INGRESS = """
            ---
            # Source: mcp/templates/ingress.yaml
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: mcp
              namespace: prod
              annotations:
                nginx.ingress.kubernetes.io/proxy-read-timeout: "%s"
            spec:
              ingressClassName: nginx
              defaultBackend: {service: {name: mcp, port: {number: 8080}}}
            """;

    private static RuleSet builtIn() throws RuleLoadException {
        return RuleCompiler.standard().ruleLoader().loadBuiltIn();
    }

    private static List<Finding> run(RuleSet rules, String manifests) {
        List<ManifestDocument> documents = new ManifestLoader().loadText("rendered.yaml", manifests).documents();
        return ordered(new Engine(rules).run(ResourceGraph.build(documents, "default"), List.of()));
    }

    private static RuleDefinition rule(String text) throws RuleLoadException {
        return RuleCompiler.standard().ruleLoader().parse("custom.yaml", null, text);
    }

    @Test
    void findingCarriesRenderedLocationObjectPointerAndHelmSource() throws Exception {
        List<Finding> findings = run(new RuleSet(List.of(builtIn().byId("termination-grace-period").orElseThrow())), SERVER);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("termination-grace-period", finding.ruleId());
        assertEquals(new ObjectRef("apps/v1", "Deployment", "mcp", "prod"), finding.object());
        assertEquals("/spec/template/spec/terminationGracePeriodSeconds", finding.pointer());
        assertEquals("mcp/templates/deployment.yaml", finding.helmSource());
        assertEquals(new Location("rendered.yaml", 9, 5, 9, Location.PARENT_KEY), finding.primary());
        assertEquals(finding.primary(), finding.rendered());
    }

    @Test
    void everyRuleTogetherGivesSortedDeterministicFindings() throws Exception {
        String manifests = SERVER + INGRESS.formatted("60");
        List<Finding> first = run(builtIn(), manifests);
        List<Finding> second = run(builtIn(), manifests);
        assertEquals(first, second);
        assertEquals(List.of(
                        "rendered.yaml:4:12 helm-test-hook",
                        "rendered.yaml:5:1 replica-count",
                        "rendered.yaml:8:16 pdb-coverage",
                        "rendered.yaml:9:5 termination-grace-period",
                        "rendered.yaml:11:11 container-probes",
                        "rendered.yaml:11:11 container-probes",
                        "rendered.yaml:11:11 container-resources",
                        "rendered.yaml:12:11 image-pinned",
                        "rendered.yaml:28:3 sse-proxy-buffering",
                        "rendered.yaml:28:3 sse-send-timeout",
                        "rendered.yaml:29:5 sse-read-timeout",
                        "rendered.yaml:30:1 ingress-tls"),
                first.stream().map(f -> f.primary().shortText() + " " + f.ruleId()).toList());
    }

    @Test
    void thresholdsAreParameters() throws Exception {
        RuleSet readTimeout = new RuleSet(List.of(builtIn().byId("sse-read-timeout").orElseThrow()));
        assertEquals(1, run(readTimeout, SERVER + INGRESS.formatted("1800")).size());
        assertEquals(0, run(readTimeout.withOverrides(Map.of("sse-read-timeout.minSeconds", "1800")),
                SERVER + INGRESS.formatted("1800")).size());
        List<Finding> stricter = run(readTimeout.withOverrides(Map.of("sse-read-timeout.minSeconds", "7200")),
                SERVER + INGRESS.formatted("3600"));
        assertEquals(1, stricter.size());
        assertTrue(stricter.get(0).message().contains("at least \"7200\""), stricter.get(0).message());
    }

    @Test
    void schemaAssertionWithParameterReportsOffendingAndMissingKeys() throws Exception {
        RuleDefinition pinned = rule("""
                id: image-pinned
                title: Images are pinned
                level: warning
                tags: [supply-chain]
                precision: high
                rationale: r
                help: h
                parameters:
                  forbiddenTag: {type: string, default: latest, description: d}
                check:
                  target: mcp-server-containers
                  assert:
                    schema:
                      schema:
                        type: object
                        required: [image, resources]
                        properties:
                          image: {not: {pattern: ":${forbiddenTag}$"}}
                  message: "{object} container {container}: {path} {error}"
                examples:
                  - {name: e, expect: pass, manifests: ""}
                """);
        List<Finding> findings = run(new RuleSet(List.of(pinned)), SERVER);
        assertEquals(List.of("/spec/template/spec/containers/0/image", "/spec/template/spec/containers/0/resources"),
                findings.stream().map(Finding::pointer).sorted().toList());
        Finding missing = findings.stream().filter(f -> f.pointer().endsWith("/resources")).findFirst().orElseThrow();
        assertEquals(Location.PARENT_KEY, missing.primary().mapping());
        assertTrue(missing.message().startsWith("Deployment/mcp container server: /resources"), missing.message());
        assertEquals(0, run(new RuleSet(List.of(pinned)).withOverrides(Map.of("image-pinned.forbiddenTag", "edge")),
                SERVER).stream().filter(f -> f.pointer().endsWith("/image")).count());
    }

    @Test
    void valueAssertionOptionsMaxOneOfIgnoreCaseAndOptional() throws Exception {
        RuleDefinition replicas = rule("""
                id: replica-policy
                title: t
                level: note
                tags: [t]
                precision: low
                rationale: r
                help: h
                check:
                  - target: workloads
                    where: {kind: Deployment}
                    assert: {value: {path: /spec/replicas, as: integer, type: integer, required: false, max: 3}}
                    message: "{object} replicas {actual} above {max}"
                  - target: objects
                    where: {kind: [Service]}
                    assert: {value: {path: /spec/type, oneOf: [clusterip, nodeport], ignoreCase: true, default: ClusterIP}}
                    message: "{object} type {actual} not in {oneOf}"
                examples:
                  - {name: e, expect: pass, manifests: ""}
                """);
        assertEquals(List.of(), run(new RuleSet(List.of(replicas)), SERVER), "unset optional value, default type");
        String changed = SERVER.replace("selector: {matchLabels", "replicas: 5\n  selector: {matchLabels")
                .replace("ports: [{port: 8080}]", "ports: [{port: 8080}]\n  type: LoadBalancer");
        assertEquals(List.of("Deployment/mcp replicas 5 above 3", "Service/mcp type LoadBalancer not in clusterip, nodeport"),
                run(new RuleSet(List.of(replicas)), changed).stream().map(Finding::message).toList());
    }

    @Test
    void malformedObjectsNeverThrow() throws Exception {
        String malformed = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: odd
                  annotations: [not, a, map]
                spec:
                  defaultBackend: {service: {name: mcp, port: {number: 8080}}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: mcp}
                spec:
                  template:
                    metadata: {labels: {app: mcp}}
                    spec:
                      containers: {not: a-list}
                      terminationGracePeriodSeconds: [1]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: mcp}
                spec: {selector: {app: mcp}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: h}
                spec:
                  scaleTargetRef: {kind: Deployment, name: mcp}
                  behavior: {scaleDown: "soon"}
                """;
        List<Finding> findings = run(builtIn(), malformed);
        assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("termination-grace-period")
                && f.message().contains("list")), findings.toString());
    }

    @Test
    void valuesFindingsHaveNoObjectAndNoRenderedLocation() throws Exception {
        List<ManifestDocument> values = new ManifestLoader().loadText("values-prod.yaml", "db:\n  password: hunter2-prod\n")
                .documents();
        List<Finding> findings = new Engine(new RuleSet(List.of(builtIn().byId("values-no-secrets").orElseThrow())))
                .run(ResourceGraph.build(List.of(), "default"), values);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertNull(finding.object());
        assertNull(finding.rendered());
        assertEquals(new Location("values-prod.yaml", 2, 3, 11, Location.EXACT), finding.primary());
        assertEquals("/db/password", finding.pointer());
        assertTrue(finding.message().startsWith("values key \"db.password\" holds a literal secret"), finding.message());
        assertTrue(!finding.message().contains("hunter2"), finding.message());
        assertEquals("secret-named key", finding.properties().get("secretKind"));
    }

    /** The engine reports in evaluation order; the pipeline's first steps give the report's order. */
    static List<Finding> ordered(List<Finding> findings) {
        return dev.mcpolicy.finding.pipeline.FindingPipeline.of(new dev.mcpolicy.finding.pipeline.SortFindings(),
                new dev.mcpolicy.finding.pipeline.DropDuplicates()).run(findings);
    }
}
