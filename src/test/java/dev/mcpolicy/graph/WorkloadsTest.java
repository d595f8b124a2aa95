package dev.mcpolicy.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.mcpolicy.graph.Manifests.graph;
import static dev.mcpolicy.graph.Manifests.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            apps/v1            | Deployment            | /spec/template                   | true
            apps/v1            | StatefulSet           | /spec/template                   | true
            apps/v1            | DaemonSet             | /spec/template                   | true
            apps/v1            | ReplicaSet            | /spec/template                   | true
            extensions/v1beta1 | Deployment            | /spec/template                   | true
            v1                 | ReplicationController | /spec/template                   | true
            batch/v1           | Job                   | /spec/template                   | false
            batch/v1           | CronJob               | /spec/jobTemplate/spec/template  | false
            """)
    void podTemplatePointersAndLongRunning(String apiVersion, String kind, String template, boolean longRunning) {
        String body = "{metadata: {labels: {app: x}}, spec: {containers: [{name: main, image: busybox}]}}";
        String spec = kind.equals("CronJob")
                ? "{jobTemplate: {spec: {template: " + body + "}}}"
                : "{template: " + body + "}";
        ResourceGraph graph = graph("apiVersion: " + apiVersion + "\nkind: " + kind
                + "\nmetadata: {name: w}\nspec: " + spec + "\n");
        Workload workload = graph.workloads().get(0);
        assertEquals(template + "/spec", workload.podSpecPointer());
        assertEquals(template + "/metadata/labels", workload.podLabelsPointer());
        assertEquals("main", workload.podSpec().path("containers").get(0).path("name").asText());
        assertEquals(Map.of("app", "x"), workload.podLabels());
        assertEquals(longRunning, workload.longRunning());
        assertFalse(workload.helmHook());
    }

    @Test
    void podsUseTheirOwnSpecAndLabelsAndHelmHookPodsAreNotLongRunning() {
        ResourceGraph graph = graph("""
                apiVersion: v1
                kind: Pod
                metadata: {name: plain, labels: {app: p}}
                spec: {containers: [{name: c}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: test-connection
                  annotations: {"helm.sh/hook": test}
                spec: {containers: [{name: c}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: hooked
                  annotations: {"helm.sh/hook": pre-install}
                spec: {template: {spec: {containers: [{name: c}]}}}
                """);
        Workload plain = Manifests.workload(graph, "Pod", "plain");
        assertEquals("/spec", plain.podSpecPointer());
        assertEquals("/metadata/labels", plain.podLabelsPointer());
        assertEquals(Map.of("app", "p"), plain.podLabels());
        assertTrue(plain.longRunning());
        Workload hook = Manifests.workload(graph, "Pod", "test-connection");
        assertTrue(hook.helmHook());
        assertFalse(hook.longRunning());
        Workload hookedDeployment = Manifests.workload(graph, "Deployment", "hooked");
        assertTrue(hookedDeployment.helmHook());
        assertTrue(hookedDeployment.longRunning());
        assertTrue(hookedDeployment.podLabels().isEmpty());
    }

    @Test
    void missingPodSpecIsAMissingNode() {
        ResourceGraph graph = graph("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: empty}
                """);
        Workload workload = graph.workloads().get(0);
        assertTrue(workload.podSpec().isMissingNode());
        assertTrue(workload.podLabels().isEmpty());
    }

    @Test
    void customResourcesThatReuseBuiltInKindNamesAreNotWorkloadsOrServices() {
        ResourceGraph graph = graph("""
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata: {name: knative}
                spec: {template: {spec: {containers: [{image: ghcr.io/acme/mcp-server}]}}}
                ---
                apiVersion: example.com/v1
                kind: Deployment
                metadata: {name: custom}
                spec: {template: {spec: {containers: [{name: c}]}}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: real}
                spec: {template: {metadata: {labels: {app: real}}, spec: {containers: [{name: c}]}}}
                """);
        assertEquals(List.of("Deployment/real"), names(graph.workloads()));
        assertTrue(graph.workload(Manifests.object(graph, "Deployment", "custom")).isEmpty());
        assertTrue(graph.selectedBy(Manifests.object(graph, "Service", "knative")).isEmpty());
    }
}
