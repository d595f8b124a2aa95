package dev.mcpolicy.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mcpolicy.graph.Manifests.graph;
import static dev.mcpolicy.graph.Manifests.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphObjectsTest {

    @Test
    void readsObjectsInInputOrderAndSkipsDocumentsThatAreNotObjects() {
        ResourceGraph graph = graph("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: first}
                ---
                just a string
                ---
                - a
                - list
                ---
                kind: Secret
                metadata: {name: no-api-version}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {generateName: only-generate-name-}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: 42}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: second}
                """);
        assertEquals(List.of("ConfigMap/first", "Service/second"), names(graph.objects()));
        assertEquals("", graph.objects().get(0).basePointer());
        assertEquals(6, graph.objects().get(1).document().index());
    }

    @Test
    void expandsListKindsIntoTheirItems() {
        ResourceGraph graph = graph("""
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: a}
                  - not-an-object
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: b, namespace: other}
                    spec: {template: {metadata: {labels: {app: b}}, spec: {containers: [{name: b}]}}}
                ---
                apiVersion: v1
                kind: ConfigMapList
                items:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: c}
                """);
        assertEquals(List.of("ConfigMap/a", "Deployment/b", "ConfigMap/c"), names(graph.objects()));
        K8sObject deployment = graph.objects().get(1);
        assertEquals("/items/2", deployment.basePointer());
        assertEquals("/items/2/spec/template/spec", deployment.pointer("/spec/template/spec"));
        assertEquals("other", deployment.namespace());
        assertEquals("/spec/template/spec", graph.workload(deployment).orElseThrow().podSpecPointer());
        assertEquals("/items/0", graph.objects().get(2).basePointer());
    }

    @Test
    void effectiveNamespaceFallsBackToTheReleaseNamespaceExceptForClusterScopedKinds() {
        ResourceGraph graph = graph("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: own, namespace: team-a}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: inherited}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: reader, namespace: ignored}
                ---
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: nginx}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: team-a}
                """);
        assertEquals("team-a", Manifests.object(graph, "ConfigMap", "own").namespace());
        assertEquals("release-ns", Manifests.object(graph, "ConfigMap", "inherited").namespace());
        assertNull(Manifests.object(graph, "ClusterRole", "reader").namespace());
        assertNull(Manifests.object(graph, "IngressClass", "nginx").namespace());
        assertNull(Manifests.object(graph, "Namespace", "team-a").namespace());
        assertTrue(graph.find("ClusterRole", "whatever", "reader").isPresent());
        assertTrue(graph.find("ConfigMap", null, "inherited").isEmpty(), "null namespace is not the release one");
        assertTrue(graph.find("ConfigMap", "release-ns", "inherited").isPresent());
        assertTrue(graph.find("ConfigMap", "release-ns", "own").isEmpty());
    }

    @Test
    void blankReleaseNamespaceMeansDefault() {
        ResourceGraph graph = ResourceGraph.build(Manifests.documents("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm}
                """), " ");
        assertEquals("default", graph.objects().get(0).namespace());
        assertTrue(ResourceGraph.build(null, null).objects().isEmpty());
    }

    @Test
    void duplicatesStayListedButTheLastOneIsIndexed() {
        ResourceGraph graph = graph("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data: {copy: first}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: release-ns}
                data: {copy: second}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: elsewhere}
                data: {copy: other-namespace}
                """);
        assertEquals(3, graph.ofKind("ConfigMap").size());
        K8sObject found = graph.find("ConfigMap", "release-ns", "settings").orElseThrow();
        assertEquals("second", found.node().path("data").path("copy").asText());
        assertSame(graph.objects().get(1), found);
        assertEquals(List.of(graph.objects().get(0)), graph.overridden());
    }

    @Test
    void ofKindIsExactAndOrdered() {
        ResourceGraph graph = graph("""
                apiVersion: v1
                kind: Service
                metadata: {name: b}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: a}
                """);
        assertEquals(List.of("Service/b", "Service/a"), names(graph.ofKind("Service")));
        assertTrue(graph.ofKind("service").isEmpty());
        assertTrue(graph.ofKind("Deployment").isEmpty());
    }
}
