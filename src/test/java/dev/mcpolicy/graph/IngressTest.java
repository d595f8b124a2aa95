package dev.mcpolicy.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mcpolicy.graph.Manifests.graph;
import static dev.mcpolicy.graph.Manifests.names;
import static dev.mcpolicy.graph.Manifests.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngressTest {
    private static final String SERVICES_AND_WORKLOADS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: mcp}
            spec:
              template:
                metadata: {labels: {app: mcp}}
                spec: {containers: [{name: server, image: ghcr.io/acme/mcp-server:1.0}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: docs}
            spec:
              template:
                metadata: {labels: {app: docs}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: mcp}
            spec: {selector: {app: mcp}, ports: [{name: http, port: 80}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: docs}
            spec: {selector: {app: docs}, ports: [{port: 8080}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: mcp, namespace: other}
            spec: {selector: {app: mcp}}
            ---
            """;

    @Test
    void readsNetworkingV1BackendsInDocumentOrder() {
        ResourceGraph graph = graph(SERVICES_AND_WORKLOADS + """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: v1}
                spec:
                  defaultBackend:
                    service: {name: docs, port: {number: 8080}}
                  rules:
                    - host: a.example.com
                      http:
                        paths:
                          - path: /mcp
                            pathType: Prefix
                            backend: {service: {name: mcp, port: {name: http}}}
                          - path: /assets
                            pathType: Prefix
                            backend: {resource: {apiGroup: k8s.example.com, kind: Bucket, name: assets}}
                    - host: b.example.com
                    - host: c.example.com
                      http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend: {service: {name: absent, port: {number: 80}}}
                """);
        K8sObject ingress = object(graph, "Ingress", "v1");
        List<Backend> backends = graph.backends(ingress);
        assertEquals(3, backends.size());

        assertEquals("/spec/defaultBackend", backends.get(0).pointer());
        assertEquals("docs", backends.get(0).serviceName());
        assertEquals(8080, backends.get(0).portNumber());
        assertNull(backends.get(0).portName());
        assertSame(object(graph, "Service", "docs"), backends.get(0).service());

        assertEquals("/spec/rules/0/http/paths/0/backend", backends.get(1).pointer());
        assertEquals("http", backends.get(1).portName());
        assertNull(backends.get(1).portNumber());
        assertEquals("release-ns", backends.get(1).service().namespace(), "same namespace as the Ingress");
        assertSame(ingress, backends.get(1).route());

        assertEquals("/spec/rules/2/http/paths/0/backend", backends.get(2).pointer());
        assertNull(backends.get(2).service());

        assertEquals(List.of("Deployment/mcp"), names(graph.mcpServersBehind(ingress)));
    }

    @Test
    void readsLegacyBackends() {
        ResourceGraph graph = graph(SERVICES_AND_WORKLOADS + """
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata: {name: legacy}
                spec:
                  rules:
                    - http:
                        paths:
                          - path: /
                            backend: {serviceName: mcp, servicePort: http}
                  backend: {serviceName: docs, servicePort: 8080}
                ---
                apiVersion: networking.k8s.io/v1beta1
                kind: Ingress
                metadata: {name: legacy-networking, namespace: other}
                spec:
                  rules:
                    - http:
                        paths:
                          - backend: {serviceName: mcp, servicePort: 80}
                """);
        List<Backend> legacy = graph.backends(object(graph, "Ingress", "legacy"));
        assertEquals(List.of("/spec/rules/0/http/paths/0/backend", "/spec/backend"),
                legacy.stream().map(Backend::pointer).toList());
        assertEquals("http", legacy.get(0).portName());
        assertNull(legacy.get(0).portNumber());
        assertEquals(8080, legacy.get(1).portNumber());
        assertSame(object(graph, "Service", "docs"), legacy.get(1).service());

        Backend inOther = graph.backends(object(graph, "Ingress", "legacy-networking")).get(0);
        assertEquals("other", inOther.service().namespace());
        assertEquals(80, inOther.portNumber());
        assertTrue(graph.mcpServersBehind(object(graph, "Ingress", "legacy-networking")).isEmpty(),
                "the Service in namespace other selects no workload there");
    }

    @Test
    void mcpServersBehindAreDeduplicatedAndInInputOrder() {
        ResourceGraph graph = graph(SERVICES_AND_WORKLOADS + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: mcp-b}
                spec:
                  template:
                    metadata: {labels: {app: mcp}}
                    spec: {containers: [{name: mcp}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: twice}
                spec:
                  rules:
                    - http:
                        paths:
                          - backend: {service: {name: docs, port: {number: 8080}}}
                          - backend: {service: {name: mcp, port: {number: 80}}}
                          - backend: {service: {name: mcp, port: {name: http}}}
                """);
        assertEquals(List.of("Deployment/mcp", "Deployment/mcp-b"),
                names(graph.mcpServersBehind(object(graph, "Ingress", "twice"))));
    }

    @Test
    void nonIngressObjectsHaveNoBackends() {
        ResourceGraph graph = graph(SERVICES_AND_WORKLOADS);
        assertTrue(graph.backends(object(graph, "Service", "mcp")).isEmpty());
        assertTrue(graph.mcpServersBehind(object(graph, "Service", "mcp")).isEmpty());
        assertEquals("unknown", graph.controller(object(graph, "Service", "mcp")).id());
    }
}
