package dev.mcpolicy.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.mcpolicy.graph.Manifests.graph;
import static dev.mcpolicy.graph.Manifests.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class McpDecisionsTest {

    /** A Deployment "candidate" with one container, next to a plain Deployment "bystander" with no marker. */
    private static ResourceGraph candidate(String containerYaml, String objectAnnotations, String templateAnnotations) {
        return graph("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: candidate\n"
                + (objectAnnotations == null ? "" : "  annotations: " + objectAnnotations + "\n")
                + "spec:\n  template:\n    metadata:\n"
                + (templateAnnotations == null ? "" : "      annotations: " + templateAnnotations + "\n")
                + "      labels: {app: candidate}\n"
                + "    spec:\n      containers:\n        - " + containerYaml + "\n"
                + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bystander}\n"
                + "spec: {template: {spec: {containers: [{name: web, image: 'docker.io/library/nginx:1.27'}]}}}\n");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {name: app, image: 'ghcr.io/acme/mcp-server:1.0'}                       | true  | image ghcr.io/acme/mcp-server has "mcp" in its repository name
            {name: app, image: 'ghcr.io/mcp/tools@sha256:abc'}                      | true  | image ghcr.io/mcp/tools has "mcp" in its repository name
            {name: app, image: 'acme/github-mcp'}                                   | true  | image acme/github-mcp has "mcp" in its repository name
            {name: app, image: 'localhost:5000/mcpserver:dev'}                      | true  | image localhost:5000/mcpserver has "mcp" in its repository name
            {name: app, image: 'docker.io/bitnami/postgresql:16'}                   | false | carries no MCP marker, while other workloads of the render do
            {name: app, image: 'mcp.example.com/acme/api:1'}                        | false | carries no MCP marker, while other workloads of the render do
            {name: app, image: 'ghcr.io/acme/api:mcp-1.0'}                          | false | carries no MCP marker, while other workloads of the render do
            {name: mcp-server, image: busybox}                                      | true  | container "mcp-server" has "mcp" in its name
            {name: github_mcp, image: busybox}                                      | true  | container "github_mcp" has "mcp" in its name
            {name: mcpx, image: busybox}                                            | false | carries no MCP marker, while other workloads of the render do
            {name: app, ports: [{name: mcp, containerPort: 8080}]}                  | true  | container "app" has port "mcp"
            {name: app, ports: [{name: http-mcp, containerPort: 8080}]}             | true  | container "app" has port "http-mcp"
            {name: app, ports: [{name: mcpx, containerPort: 8080}]}                 | false | carries no MCP marker, while other workloads of the render do
            {name: app, env: [{name: LOG, value: x}, {name: MCP_TRANSPORT, value: sse}]} | true | container "app" sets env MCP_TRANSPORT
            {name: app, env: [{name: MY_MCP_URL, value: x}]}                        | false | carries no MCP marker, while other workloads of the render do
            {name: mcp-server, image: 'ghcr.io/acme/mcp-server', ports: [{name: mcp}], env: [{name: MCP_PORT}]} | true | container "mcp-server" sets env MCP_PORT
            {name: mcp-server, image: 'ghcr.io/acme/mcp-server', ports: [{name: mcp}]} | true | container "mcp-server" has port "mcp"
            {name: mcp-server, image: 'ghcr.io/acme/mcp-server'}                    | true  | container "mcp-server" has "mcp" in its name
            """)
    void markersInPriorityOrder(String container, boolean server, String reason) {
        // The bystander gives the render a marker-free workload, so "no marker" is a real decision, not the fallback.
        ResourceGraph graph = graph("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: marked}
                spec: {template: {spec: {containers: [{name: mcp}]}}}
                ---
                """ + "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: candidate}\n"
                + "spec: {template: {spec: {containers: [" + container + "]}}}\n");
        McpDecision decision = graph.mcpDecisions().get(1);
        assertEquals("Deployment/candidate", decision.workload().object().displayName());
        assertEquals(server, decision.mcpServer());
        assertEquals(reason, decision.reason());
        assertEquals(server, graph.isMcpServer(decision.workload()));
    }

    @Test
    void annotationOptsInAndBeatsOtherMarkersForTheReason() {
        ResourceGraph graph = candidate("{name: mcp-server}", "{mcpolicy.dev/mcp-server: \"true\"}", null);
        McpDecision decision = graph.mcpDecisions().get(0);
        assertTrue(decision.mcpServer());
        assertEquals("annotation mcpolicy.dev/mcp-server is \"true\"", decision.reason());
        assertFalse(graph.mcpDecisions().get(1).mcpServer());
    }

    @Test
    void podTemplateAnnotationCountsToo() {
        ResourceGraph graph = candidate("{name: app}", null, "{mcpolicy.dev/mcp-server: \"true\"}");
        assertEquals("pod template annotation mcpolicy.dev/mcp-server is \"true\"",
                graph.mcpDecisions().get(0).reason());
        assertEquals(List.of("Deployment/candidate"), names(graph.mcpServers()));
    }

    @Test
    void optOutAlwaysWins() {
        ResourceGraph onObject = candidate("{name: mcp-server, env: [{name: MCP_TRANSPORT}]}",
                "{mcpolicy.dev/mcp-server: \"false\"}", "{mcpolicy.dev/mcp-server: \"true\"}");
        McpDecision decision = onObject.mcpDecisions().get(0);
        assertFalse(decision.mcpServer());
        assertEquals("annotation mcpolicy.dev/mcp-server is \"false\"", decision.reason());

        ResourceGraph onTemplate = candidate("{name: mcp-server}",
                "{mcpolicy.dev/mcp-server: \"true\"}", "{mcpolicy.dev/mcp-server: \"false\"}");
        assertFalse(onTemplate.mcpDecisions().get(0).mcpServer());
        assertEquals("pod template annotation mcpolicy.dev/mcp-server is \"false\"",
                onTemplate.mcpDecisions().get(0).reason());
    }

    @Test
    void optOutAlsoHoldsInFallbackMode() {
        ResourceGraph graph = candidate("{name: app}", "{mcpolicy.dev/mcp-server: \"false\"}", null);
        assertFalse(graph.mcpDecisions().get(0).mcpServer());
        McpDecision bystander = graph.mcpDecisions().get(1);
        assertTrue(bystander.mcpServer());
        assertEquals(McpServerDetector.FALLBACK_REASON, bystander.reason());
    }

    @Test
    void releaseNamePrefixIsNotAMarker() {
        // helm install mcp-stack: every object is called mcp-stack-*, but only the server carries a marker.
        ResourceGraph graph = graph("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: mcp-stack-server, labels: {app.kubernetes.io/instance: mcp-stack}}
                spec:
                  template:
                    metadata: {labels: {app: mcp-stack-server}}
                    spec:
                      containers:
                        - name: server
                          image: ghcr.io/acme/mcp-server:1.4.0
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: mcp-stack-postgresql, labels: {app.kubernetes.io/instance: mcp-stack}}
                spec:
                  template:
                    metadata: {labels: {app: mcp-stack-postgresql}}
                    spec:
                      containers:
                        - name: postgresql
                          image: docker.io/bitnami/postgresql:16
                          env: [{name: POSTGRES_DB, value: mcp}]
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: mcp-stack-redis-master}
                spec:
                  template:
                    spec:
                      containers:
                        - name: redis
                          image: docker.io/bitnami/redis:7.2
                """);
        assertEquals(List.of("Deployment/mcp-stack-server"), names(graph.mcpServers()));
        assertEquals("image ghcr.io/acme/mcp-server has \"mcp\" in its repository name",
                graph.mcpDecisions().get(0).reason());
        assertEquals("carries no MCP marker, while other workloads of the render do",
                graph.mcpDecisions().get(1).reason());
    }

    @Test
    void withoutAnyMarkerEveryLongRunningWorkloadIsAServer() {
        ResourceGraph graph = graph("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api}
                spec: {template: {spec: {containers: [{name: api, image: acme/api:1}]}}}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate}
                spec: {template: {spec: {containers: [{name: migrate, image: acme/api:1}]}}}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: cleanup}
                spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: c}]}}}}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: api-test, annotations: {helm.sh/hook: test}}
                spec: {containers: [{name: probe, image: curlimages/curl:8.6.0}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: standalone}
                spec: {containers: [{name: c}]}
                """);
        assertEquals(List.of("Deployment/api", "Pod/standalone"), names(graph.mcpServers()));
        List<McpDecision> decisions = graph.mcpDecisions();
        assertEquals(McpServerDetector.FALLBACK_REASON, decisions.get(0).reason());
        assertEquals("a Job runs to completion; not treated as an MCP server", decisions.get(1).reason());
        assertEquals("a CronJob runs to completion; not treated as an MCP server", decisions.get(2).reason());
        assertEquals("a Helm hook Pod runs to completion; not treated as an MCP server", decisions.get(3).reason());
    }

    @Test
    void markersOnHelmTestPodsAndJobsDoNotCountButTheAnnotationDoes() {
        // The guide's Helm test Pod runs a container called "mcp-probe"; it probes the server, it is not one.
        ResourceGraph graph = graph("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: server}
                spec: {template: {spec: {containers: [{name: app, image: acme/api:1}]}}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: server-test, annotations: {helm.sh/hook: test}}
                spec: {containers: [{name: mcp-probe, image: curlimages/curl:8.6.0, env: [{name: MCP_URL}]}]}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: stdio-runner, annotations: {mcpolicy.dev/mcp-server: "true"}}
                spec: {template: {spec: {containers: [{name: run}]}}}
                """);
        List<McpDecision> decisions = graph.mcpDecisions();
        assertEquals("a Helm hook Pod runs to completion; its MCP markers are ignored; not treated as an MCP server",
                decisions.get(1).reason());
        assertTrue(decisions.get(2).mcpServer(), "an explicit annotation counts on any workload");
        assertFalse(decisions.get(0).mcpServer(), "the Job's annotation puts the render in marker mode");
    }

    @Test
    void onlyAHookPodWithMarkersLeavesTheFallbackOn() {
        ResourceGraph graph = graph("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: server}
                spec: {template: {spec: {containers: [{name: app, image: acme/api:1}]}}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: server-test, annotations: {helm.sh/hook: test}}
                spec: {containers: [{name: mcp-probe, image: curlimages/curl:8.6.0}]}
                """);
        assertEquals(List.of("Deployment/server"), names(graph.mcpServers()));
        assertEquals(McpServerDetector.FALLBACK_REASON, graph.mcpDecisions().get(0).reason());
    }

    @Test
    void decisionsAreInInputOrderAndDeterministic() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: b}
                spec: {template: {spec: {containers: [{name: mcp}]}}}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: a}
                spec: {template: {spec: {containers: [{name: x, env: [{name: MCP_A}, {name: MCP_B}]}]}}}
                """;
        List<String> first = graph(yaml).mcpDecisions().stream().map(McpDecision::reason).toList();
        List<String> second = graph(yaml).mcpDecisions().stream().map(McpDecision::reason).toList();
        assertEquals(first, second);
        assertEquals(List.of("container \"mcp\" has \"mcp\" in its name", "container \"x\" sets env MCP_A"), first);
    }

    @ParameterizedTest(name = "{0} has the word mcp: {1}")
    @CsvSource(textBlock = """
            mcp, true
            MCP, true
            mcp-server, true
            github-mcp, true
            my_mcp_tool, true
            mcpserver, false
            mcp2, false
            ''   , false
            """)
    void mcpWord(String name, boolean expected) {
        assertEquals(expected, McpServerDetector.hasMcpWord(name));
    }
}
