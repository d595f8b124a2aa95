package dev.mcpolicy.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.mcpolicy.graph.Manifests.graph;
import static dev.mcpolicy.graph.Manifests.names;
import static dev.mcpolicy.graph.Manifests.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Custom route kinds: rules, backends across namespaces, controllers and attached objects. */
class RoutesTest {
    private static final String SERVER = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: mcp, namespace: apps}
            spec:
              selector: {matchLabels: {app: mcp}}
              template:
                metadata: {labels: {app: mcp}}
                spec:
                  containers: [{name: server, image: ghcr.io/acme/mcp-server:1}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: mcp, namespace: apps}
            spec:
              selector: {app: mcp}
              ports: [{name: http, port: 8080}]
            ---
            """;

    private static ResourceGraph withServer(String routes) {
        return graph(SERVER + routes);
    }

    private static String serviceOf(ResourceGraph graph, K8sObject route, int backend) {
        Backend found = graph.backends(route).get(backend);
        return found.service() == null ? "none:" + found.serviceName() : found.service().namespace() + "/" + found.service().name();
    }

    @ParameterizedTest(name = "VirtualService host {0} in namespace {1} -> {2}")
    @CsvSource(textBlock = """
            mcp,                           apps,  apps/mcp
            mcp.apps,                      other, apps/mcp
            mcp.apps.svc.cluster.local,    other, apps/mcp
            mcp.apps.svc,                  other, apps/mcp
            mcp,                           other, none:mcp
            """)
    void istioHostsNameServices(String host, String namespace, String expected) {
        ResourceGraph graph = withServer("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: route, namespace: %s}
                spec:
                  hosts: [mcp.example.com]
                  http:
                    - route:
                        - destination: {host: %s, port: {number: 8080}}
                """.formatted(namespace, host));
        K8sObject route = object(graph, "VirtualService", "route");
        assertEquals(expected, serviceOf(graph, route, 0));
        assertEquals("/spec/http/0/route/0/destination", graph.backends(route).get(0).pointer());
        assertEquals("istio", graph.controller(route).id());
        assertEquals(expected.equals("apps/mcp") ? List.of("Deployment/mcp") : List.of(),
                names(graph.mcpServersBehind(route)));
    }

    @Test
    void externalMeshHostsAreNotServices() {
        ResourceGraph graph = withServer("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: route, namespace: apps}
                spec:
                  http:
                    - route:
                        - destination: {host: api.example.com}
                        - destination: {host: "*.apps.svc.cluster.local"}
                """);
        assertEquals(List.of(), graph.backends(object(graph, "VirtualService", "route")));
    }

    @Test
    void httpRouteRulesDefaultToServicesOfTheirNamespaceAndSkipOtherKinds() {
        ResourceGraph graph = withServer("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: route, namespace: apps}
                spec:
                  parentRefs: [{name: gw}]
                  rules:
                    - backendRefs:
                        - {name: mcp, port: 8080}
                        - {name: bucket, kind: Backend, group: gateway.envoyproxy.io}
                    - backendRefs:
                        - {name: mcp, namespace: apps, port: 8080, group: "", kind: Service}
                """);
        K8sObject route = object(graph, "HTTPRoute", "route");
        List<RouteRule> rules = graph.routeRules(route);
        assertEquals(List.of("/spec/rules/0", "/spec/rules/1"), rules.stream().map(RouteRule::pointer).toList());
        assertEquals(1, rules.get(0).backends().size());
        assertEquals(Integer.valueOf(8080), rules.get(0).backends().get(0).portNumber());
        assertEquals("apps/mcp", serviceOf(graph, route, 1));
        assertEquals("gateway-api", graph.controller(route).id());
        assertTrue(graph.controller(route).reason().contains("Gateway apps/gw"), graph.controller(route).reason());
    }

    @ParameterizedTest(name = "controllerName {0} -> {1}")
    @CsvSource(textBlock = """
            istio.io/gateway-controller,                     istio
            projectcontour.io/gateway-controller,            contour
            gateway.envoyproxy.io/gatewayclass-controller,   envoy-gateway
            konghq.com/kic-gateway-controller,               kong
            traefik.io/gateway-controller,                   traefik
            gateway.nginx.org/nginx-gateway-controller,      nginx-gateway-fabric
            networking.gke.io/gateway,                       gke
            example.com/edge,                                gateway-api
            """)
    void gatewayClassDecidesTheImplementation(String controllerName, String expected) {
        ResourceGraph graph = withServer("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata: {name: cls}
                spec: {controllerName: %s}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: infra}
                spec: {gatewayClassName: cls}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: route, namespace: apps}
                spec:
                  parentRefs: [{name: gw, namespace: infra}]
                  rules: [{backendRefs: [{name: mcp, port: 8080}]}]
                """.formatted(controllerName));
        assertEquals(expected, graph.controller(object(graph, "HTTPRoute", "route")).id());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(textBlock = """
            traefik.io/v1alpha1,          IngressRoute,  traefik
            traefik.containo.us/v1alpha1, IngressRoute,  traefik
            projectcontour.io/v1,         HTTPProxy,     contour
            """)
    void routesWithServicesLists(String apiVersion, String kind, String controller) {
        ResourceGraph graph = withServer("""
                apiVersion: %s
                kind: %s
                metadata: {name: route, namespace: apps}
                spec:
                  routes:
                    - services: [{name: mcp, port: 8080}, {name: missing, port: 80}]
                """.formatted(apiVersion, kind));
        K8sObject route = object(graph, kind, "route");
        assertEquals(controller, graph.controller(route).id());
        assertEquals("/spec/routes/0/services/0", graph.backends(route).get(0).pointer());
        assertEquals("none:missing", serviceOf(graph, route, 1));
        assertEquals(List.of("Deployment/mcp"), names(graph.mcpServersBehind(route)));
        assertTrue(graph.routes().contains(route));
    }

    @Test
    void virtualServerUpstreamsAreRules() {
        ResourceGraph graph = withServer("""
                apiVersion: k8s.nginx.org/v1
                kind: VirtualServer
                metadata: {name: route, namespace: apps}
                spec:
                  upstreams:
                    - {name: a, service: mcp, port: 8080}
                    - {name: b}
                """);
        K8sObject route = object(graph, "VirtualServer", "route");
        assertEquals("nginx-inc", graph.controller(route).id());
        List<RouteRule> rules = graph.routeRules(route);
        assertEquals("/spec/upstreams/0", rules.get(0).pointer());
        assertEquals("/spec/upstreams/0", rules.get(0).backends().get(0).pointer());
        assertEquals(List.of(), rules.get(1).backends());
    }

    @Test
    void kindsOfOtherGroupsAreNotRoutes() {
        ResourceGraph graph = withServer("""
                apiVersion: appmesh.k8s.aws/v1beta2
                kind: VirtualService
                metadata: {name: route, namespace: apps}
                spec:
                  http: [{route: [{destination: {host: mcp}}]}]
                """);
        K8sObject route = object(graph, "VirtualService", "route");
        assertEquals(List.of(), graph.routes());
        assertEquals(List.of(), graph.backends(route));
        assertEquals("unknown", graph.controller(route).id());
    }

    @Test
    void traefikMiddlewaresFromRoutesAnnotationsAndChains() {
        ResourceGraph graph = withServer("""
                apiVersion: traefik.io/v1alpha1
                kind: Middleware
                metadata: {name: limit, namespace: apps}
                spec: {buffering: {maxRequestBodyBytes: 10}}
                ---
                apiVersion: traefik.io/v1alpha1
                kind: Middleware
                metadata: {name: edge, namespace: apps}
                spec: {chain: {middlewares: [{name: limit}, {name: edge}]}}
                ---
                apiVersion: traefik.io/v1alpha1
                kind: IngressRoute
                metadata: {name: route, namespace: apps}
                spec:
                  routes:
                    - middlewares: [{name: edge}, {name: other@file}]
                      services: [{name: mcp, port: 8080, serversTransport: slow}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: plain
                  namespace: apps
                  annotations: {traefik.ingress.kubernetes.io/router.middlewares: "apps-limit@kubernetescrd, x-y@file"}
                spec:
                  ingressClassName: traefik
                  defaultBackend: {service: {name: mcp, port: {number: 8080}}}
                """);
        List<Attachment> viaRoute = graph.attachments(object(graph, "IngressRoute", "route"));
        assertEquals(List.of("Middleware edge -> Middleware/edge @/spec/routes/0",
                        "Middleware limit -> Middleware/limit @/spec/routes/0",
                        "Middleware edge -> Middleware/edge @/spec/routes/0",
                        "Middleware other@file -> none @/spec/routes/0",
                        "ServersTransport slow -> none @/spec/routes/0",
                        "Service mcp -> Service/mcp @/spec/routes/0"),
                viaRoute.stream().map(RoutesTest::describe).toList());
        List<Attachment> viaAnnotation = graph.attachments(object(graph, "Ingress", "plain"));
        assertEquals(List.of("Middleware apps-limit@kubernetescrd -> Middleware/limit @null",
                        "Middleware x-y@file -> none @null", "Service mcp -> Service/mcp @null"),
                viaAnnotation.stream().map(RoutesTest::describe).toList());
    }

    @Test
    void serviceAnnotationsAttachTransportsBackendConfigsAndDestinationRules() {
        ResourceGraph graph = graph("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: mcp
                  namespace: apps
                  annotations:
                    traefik.ingress.kubernetes.io/service.serverstransport: apps-long@kubernetescrd
                    cloud.google.com/backend-config: '{"default": "fallback", "ports": {"http": "stream"}}'
                spec:
                  ports: [{name: http, port: 8080}, {name: admin, port: 9090}]
                ---
                apiVersion: traefik.io/v1alpha1
                kind: ServersTransport
                metadata: {name: long, namespace: apps}
                spec: {}
                ---
                apiVersion: cloud.google.com/v1
                kind: BackendConfig
                metadata: {name: stream, namespace: apps}
                spec: {timeoutSec: 3600}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: mcp, namespace: other}
                spec: {host: mcp.apps.svc.cluster.local}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: by-number, namespace: apps}
                spec:
                  defaultBackend: {service: {name: mcp, port: {number: 8080}}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: admin, namespace: apps}
                spec:
                  defaultBackend: {service: {name: mcp, port: {name: admin}}}
                """);
        assertEquals(List.of("Service mcp -> Service/mcp @null", "ServersTransport apps-long@kubernetescrd -> "
                        + "ServersTransport/long @null", "BackendConfig stream -> BackendConfig/stream @null",
                        "DestinationRule mcp -> DestinationRule/mcp @null"),
                graph.attachments(object(graph, "Ingress", "by-number")).stream().map(RoutesTest::describe).toList());
        Attachment adminConfig = graph.attachments(object(graph, "Ingress", "admin")).stream()
                .filter(a -> a.kind().equals("BackendConfig")).findFirst().orElseThrow();
        assertEquals("fallback", adminConfig.name());
        assertNull(adminConfig.target());
    }

    @ParameterizedTest(name = "class {0} with annotations {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            nginx |                                                                  | ingress-nginx
            nginx | nginx.org/proxy-buffering: 'False'                               | nginx-inc
            nginx | nginx.com/health-checks: 'true'                                  | nginx-inc
            nginx | {nginx.org/proxy-buffering: 'False', nginx.ingress.kubernetes.io/proxy-buffering: 'off'} | ingress-nginx
            """)
    void nginxIncIsRecognisedByItsAnnotations(String className, String annotations, String expected) {
        String annotationBlock = annotations == null ? "" : "  annotations: "
                + (annotations.startsWith("{") ? annotations : "{" + annotations + "}") + "\n";
        ResourceGraph graph = graph("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: route\n"
                + annotationBlock + "spec:\n  ingressClassName: " + className
                + "\n  defaultBackend: {service: {name: s, port: {number: 80}}}\n");
        assertEquals(expected, graph.controller(object(graph, "Ingress", "route")).id());
    }

    @Test
    void anIngressClassControllerWinsOverAnnotations() {
        ResourceGraph graph = graph("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: nginx}
                spec: {controller: k8s.io/ingress-nginx}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: route
                  annotations: {nginx.org/proxy-buffering: "False"}
                spec:
                  ingressClassName: nginx
                """);
        assertEquals("ingress-nginx", graph.controller(object(graph, "Ingress", "route")).id());
    }

    private static String describe(Attachment attachment) {
        return attachment.kind() + " " + attachment.name() + " -> "
                + (attachment.target() == null ? "none" : attachment.target().displayName()) + " @"
                + attachment.rulePointer();
    }
}
