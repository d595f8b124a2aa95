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
            {name: app, image: 'localhost:5000/mcpserver:dev'}                      | false | carries no MCP marker, while other workloads of the render do
            {name: app, image: 'ghcr.io/acme/kmcp/controller:0.3'}                  | false | carries no MCP marker, while other workloads of the render do
            {name: app, image: 'ghcr.io/acme/mcp.fetch:0.3'}                        | true  | image ghcr.io/acme/mcp.fetch has "mcp" in its repository name
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

    /** A kubebuilder-scaffolded operator whose image and name say kmcp, as operators of MCP servers do. */
    private static final String OPERATOR = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: kmcp-controller-manager}
            spec:
              template:
                spec:
                  containers:
                    - name: manager
                      image: ghcr.io/acme/kmcp/controller:0.3.1
                      command: [/manager]
                      args: [--leader-elect, --health-probe-bind-address=:8081, --metrics-bind-address=:8443]
                      env: [{name: MCP_DEFAULT_IMAGE, value: ghcr.io/acme/mcp-runtime:1}]
                      ports:
                        - {name: webhook-server, containerPort: 9443}
                        - {name: health, containerPort: 8081}
            """;

    @Test
    void aControllerManagerIsNotAServerEvenWithMcpInItsNameAndEnv() {
        ResourceGraph graph = graph(OPERATOR + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: tools}
                spec: {template: {spec: {containers: [{name: app, image: 'ghcr.io/acme/tools:1'}]}}}
                """);
        McpDecision operator = graph.mcpDecisions().get(0);
        assertFalse(operator.mcpServer());
        assertEquals("has the shape of a Kubernetes controller manager (its name says controller-manager, a container"
                + " is named \"manager\", it runs the manager command, it runs with leader election; only metrics,"
                + " health or webhook ports); not treated as an MCP server", operator.reason());
        assertTrue(graph.mcpDecisions().get(1).mcpServer(), "the fallback still applies to the other workload");
        assertEquals(McpServerDetector.FALLBACK_REASON, graph.mcpDecisions().get(1).reason());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            leader election alone, no ports           | {name: ctl, image: 'acme/op:1', args: [--leader-elect=true]}                            | false
            manager command, unnamed metrics port     | {name: ctl, image: 'acme/op:1', command: [/manager], ports: [{containerPort: 8080}]}    | false
            leader election but serves http           | {name: gw, image: 'acme/mcp-gateway:1', args: [--leader-elect], ports: [{name: http, containerPort: 8080}]} | true
            leader election but serves an unnamed port | {name: gw, image: 'acme/mcp-gateway:1', args: [--leader-elect], ports: [{containerPort: 3000}]} | true
            no controller signal                      | {name: app, image: 'acme/mcp-gateway:1', ports: [{name: metrics, containerPort: 9090}]} | true
            """)
    void controllerManagerShape(String description, String container, boolean server) {
        ResourceGraph graph = graph("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: candidate}\n"
                + "spec: {template: {spec: {containers: [" + container + "]}}}\n"
                + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: marked}\n"
                + "spec: {template: {spec: {containers: [{name: mcp}]}}}\n");
        assertEquals(server, graph.mcpDecisions().get(0).mcpServer(), graph.mcpDecisions().get(0).reason());
    }

    @Test
    void theAnnotationBeatsTheControllerShape() {
        ResourceGraph graph = graph(OPERATOR.replace("metadata: {name: kmcp-controller-manager}",
                "metadata: {name: kmcp-controller-manager, annotations: {mcpolicy.dev/mcp-server: \"true\"}}"));
        assertTrue(graph.mcpDecisions().get(0).mcpServer());
    }

    /** A marked gateway, an unmarked tool server and an agent whose config calls the tool server by URL. */
    private static String toolsRender(String reference) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: gateway, namespace: ai}
                spec:
                  template:
                    metadata: {labels: {app: gateway}}
                    spec: {containers: [{name: gateway, image: 'ghcr.io/acme/mcp-gateway:1', ports: [{name: mcp, containerPort: 8080}]}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: tools, namespace: ai}
                spec:
                  template:
                    metadata: {labels: {app: tools}}
                    spec: {containers: [{name: server, image: 'ghcr.io/acme/toolbox:2', ports: [{name: http-tools, containerPort: 9000}]}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: tools, namespace: ai}
                spec: {selector: {app: tools}, ports: [{name: http, port: 9000, targetPort: http-tools}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: postgres, namespace: ai}
                spec:
                  template:
                    metadata: {labels: {app: postgres}}
                    spec: {containers: [{name: postgres, image: 'postgres:16'}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: postgres, namespace: ai}
                spec: {selector: {app: postgres}, ports: [{port: 5432}]}
                ---
                """ + reference;
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> references() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("ConfigMap key, short host", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: agent-config, namespace: ai}
                        data:
                          servers.json: '{"tools": {"url": "http://tools:9000/mcp"}}'
                        """, "referenced as an MCP endpoint by ConfigMap/agent-config key servers.json"),
                org.junit.jupiter.params.provider.Arguments.of("env value, namespaced host", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: agent, namespace: ai}
                        spec:
                          template:
                            spec:
                              containers:
                                - name: agent
                                  env: [{name: TOOLS_URL, value: 'http://tools.ai.svc.cluster.local:9000/sse'}]
                        """, "referenced as an MCP endpoint by Deployment/agent env TOOLS_URL"),
                org.junit.jupiter.params.provider.Arguments.of("custom resource field, no port", """
                        apiVersion: acme.dev/v1
                        kind: ToolRegistry
                        metadata: {name: registry, namespace: ai}
                        spec: {servers: [{name: x, endpoint: 'http://tools.ai/mcp/'}]}
                        """, "referenced as an MCP endpoint by ToolRegistry/registry field spec.servers[0].endpoint"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.MethodSource("references")
    void aServiceCalledAsAnMcpEndpointMakesItsWorkloadAServer(String description, String reference, String reason) {
        ResourceGraph graph = graph(toolsRender(reference));
        McpDecision tools = graph.mcpDecisions().get(1);
        assertEquals("Deployment/tools", tools.workload().object().displayName());
        assertTrue(tools.mcpServer(), tools.reason());
        assertEquals(reason, tools.reason());
        assertFalse(graph.mcpDecisions().get(2).mcpServer(), "postgres is not referenced");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            path without an MCP word      | http://tools:9000/healthz
            port the Service does not have | http://tools:9001/mcp
            no such Service               | http://toolz:9000/mcp
            external host                 | https://tools.example.com/mcp
            another namespace             | http://tools.other:9000/mcp
            a word that only contains mcp | http://tools:9000/kmcp/status
            """)
    void otherUrlsAreNotReferences(String description, String url) {
        ResourceGraph graph = graph(toolsRender("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ai}\n"
                + "data: {url: '" + url + "'}\n"));
        assertFalse(graph.mcpDecisions().get(1).mcpServer(), graph.mcpDecisions().get(1).reason());
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
            kmcp, false
            acme/kmcp/controller, false
            acme/mcp/fetch, true
            acme/github-mcp, true
            mcp.tools, true
            mcp__x, true
            ''   , false
            """)
    void mcpWord(String name, boolean expected) {
        assertEquals(expected, McpServerDetector.hasMcpWord(name));
    }
}
