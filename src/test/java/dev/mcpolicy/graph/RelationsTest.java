package dev.mcpolicy.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mcpolicy.graph.Manifests.graph;
import static dev.mcpolicy.graph.Manifests.names;
import static dev.mcpolicy.graph.Manifests.object;
import static dev.mcpolicy.graph.Manifests.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelationsTest {

    private static String deployment(String name, String namespace, String labels) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name
                + (namespace == null ? "" : ", namespace: " + namespace) + "}\n"
                + "spec: {template: {metadata: {labels: " + labels + "}, spec: {containers: [{name: app}]}}}\n---\n";
    }

    private static String service(String name, String namespace, String selector) {
        return "apiVersion: v1\nkind: Service\nmetadata: {name: " + name
                + (namespace == null ? "" : ", namespace: " + namespace) + "}\n"
                + "spec: {ports: [{port: 80}]" + (selector == null ? "" : ", selector: " + selector) + "}\n---\n";
    }

    private static String pdb(String apiVersion, String name, String selector) {
        return "apiVersion: " + apiVersion + "\nkind: PodDisruptionBudget\nmetadata: {name: " + name + "}\n"
                + "spec: {minAvailable: 1" + (selector == null ? "" : ", selector: " + selector) + "}\n---\n";
    }

    @Test
    void servicesSelectWorkloadsByPodLabelsWithinTheirNamespace() {
        ResourceGraph graph = graph(
                deployment("web", null, "{app: web, tier: fe}")
                        + deployment("web-other-ns", "other", "{app: web, tier: fe}")
                        + deployment("web-explicit-ns", "release-ns", "{app: web}")
                        + deployment("api", null, "{app: api}")
                        + service("web", null, "{app: web}")
                        + service("web-fe", null, "{app: web, tier: fe}")
                        + service("web-in-other", "other", "{app: web}")
                        + service("no-selector", null, null)
                        + service("empty-selector", null, "{}"));
        assertEquals(List.of("Deployment/web", "Deployment/web-explicit-ns"),
                names(graph.selectedBy(object(graph, "Service", "web"))));
        assertEquals(List.of("Deployment/web"), names(graph.selectedBy(object(graph, "Service", "web-fe"))));
        assertEquals(List.of("Deployment/web-other-ns"),
                names(graph.selectedBy(object(graph, "Service", "web-in-other"))));
        assertTrue(graph.selectedBy(object(graph, "Service", "no-selector")).isEmpty());
        assertTrue(graph.selectedBy(object(graph, "Service", "empty-selector")).isEmpty());
        assertEquals(List.of("Service/web", "Service/web-fe"),
                names(graph.servicesSelecting(workload(graph, "Deployment", "web"))));
        assertEquals(List.of("Service/web-in-other"),
                names(graph.servicesSelecting(workload(graph, "Deployment", "web-other-ns"))));
        assertTrue(graph.servicesSelecting(workload(graph, "Deployment", "api")).isEmpty());
        assertTrue(graph.selectedBy(object(graph, "Deployment", "web")).isEmpty(), "not a Service");
    }

    @Test
    void pdbSelectorsFollowTheirApiVersion() {
        ResourceGraph graph = graph(
                deployment("a", null, "{app: a}")
                        + deployment("b", null, "{app: b, canary: 'yes'}")
                        + deployment("elsewhere", "other", "{app: a}")
                        + pdb("policy/v1", "everything", "{}")
                        + pdb("policy/v1beta1", "legacy-empty", "{}")
                        + pdb("policy/v1", "missing", null)
                        + pdb("policy/v1", "not-canary",
                        "{matchExpressions: [{key: canary, operator: DoesNotExist}]}")
                        + pdb("policy/v1", "a-or-b", "{matchLabels: {}, matchExpressions: "
                        + "[{key: app, operator: In, values: [a, b]}]}")
                        + pdb("policy/v1beta1", "only-a", "{matchLabels: {app: a}}")
                        + pdb("policy/v1", "invalid", "{matchExpressions: [{key: app, operator: Equals}]}"));
        assertEquals(List.of("Deployment/a", "Deployment/b"),
                names(graph.coveredBy(object(graph, "PodDisruptionBudget", "everything"))));
        assertTrue(graph.coveredBy(object(graph, "PodDisruptionBudget", "legacy-empty")).isEmpty());
        assertTrue(graph.coveredBy(object(graph, "PodDisruptionBudget", "missing")).isEmpty());
        assertEquals(List.of("Deployment/a"),
                names(graph.coveredBy(object(graph, "PodDisruptionBudget", "not-canary"))));
        assertEquals(List.of("Deployment/a", "Deployment/b"),
                names(graph.coveredBy(object(graph, "PodDisruptionBudget", "a-or-b"))));
        assertTrue(graph.coveredBy(object(graph, "PodDisruptionBudget", "invalid")).isEmpty());
        assertEquals("matchExpressions[0] has unknown operator \"Equals\"",
                graph.selector(object(graph, "PodDisruptionBudget", "invalid")).orElseThrow().problem().orElseThrow());

        assertEquals(List.of("PodDisruptionBudget/everything", "PodDisruptionBudget/not-canary",
                        "PodDisruptionBudget/a-or-b", "PodDisruptionBudget/only-a"),
                names(graph.pdbsCovering(workload(graph, "Deployment", "a"))));
        assertEquals(List.of("PodDisruptionBudget/everything", "PodDisruptionBudget/a-or-b"),
                names(graph.pdbsCovering(workload(graph, "Deployment", "b"))));
        assertTrue(graph.pdbsCovering(workload(graph, "Deployment", "elsewhere")).isEmpty());
    }

    @Test
    void hpasResolveTheirTargetByKindAndNameInTheirNamespace() {
        ResourceGraph graph = graph(
                deployment("web", null, "{app: web}")
                        + deployment("web", "other", "{app: web}")
                        + "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\n"
                        + "spec: {template: {spec: {containers: [{name: db}]}}}\n---\n"
                        + hpa("autoscaling/v2", "web-hpa", null, "Deployment", "web")
                        + hpa("autoscaling/v1", "web-hpa-v1", null, "Deployment", "web")
                        + hpa("autoscaling/v2beta2", "other-hpa", "other", "Deployment", "web")
                        + hpa("autoscaling/v2", "wrong-kind", null, "StatefulSet", "web")
                        + hpa("autoscaling/v2", "db-hpa", null, "StatefulSet", "db")
                        + hpa("autoscaling/v2", "missing", null, "Deployment", "nope")
                        + "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: no-ref}\n"
                        + "spec: {maxReplicas: 3}\n");
        Workload web = graph.workloads().get(0);
        Workload webOther = graph.workloads().get(1);
        assertSame(web, graph.hpaTarget(object(graph, "HorizontalPodAutoscaler", "web-hpa")).orElseThrow());
        assertSame(web, graph.hpaTarget(object(graph, "HorizontalPodAutoscaler", "web-hpa-v1")).orElseThrow());
        assertSame(webOther, graph.hpaTarget(object(graph, "HorizontalPodAutoscaler", "other-hpa")).orElseThrow());
        assertTrue(graph.hpaTarget(object(graph, "HorizontalPodAutoscaler", "wrong-kind")).isEmpty());
        assertTrue(graph.hpaTarget(object(graph, "HorizontalPodAutoscaler", "missing")).isEmpty());
        assertTrue(graph.hpaTarget(object(graph, "HorizontalPodAutoscaler", "no-ref")).isEmpty());
        assertEquals(List.of("HorizontalPodAutoscaler/web-hpa", "HorizontalPodAutoscaler/web-hpa-v1"),
                names(graph.hpasScaling(web)));
        assertEquals(List.of("HorizontalPodAutoscaler/other-hpa"), names(graph.hpasScaling(webOther)));
        assertEquals(List.of("HorizontalPodAutoscaler/db-hpa"),
                names(graph.hpasScaling(workload(graph, "StatefulSet", "db"))));
    }

    private static String hpa(String apiVersion, String name, String namespace, String kind, String target) {
        return "apiVersion: " + apiVersion + "\nkind: HorizontalPodAutoscaler\nmetadata: {name: " + name
                + (namespace == null ? "" : ", namespace: " + namespace) + "}\n"
                + "spec: {scaleTargetRef: {apiVersion: apps/v1, kind: " + kind + ", name: " + target
                + "}, maxReplicas: 3}\n---\n";
    }

    @Test
    void duplicateWorkloadsLetTheLastCopyWinWhileEarlierCopiesStillGetAnswers() {
        ResourceGraph graph = graph(
                deployment("web", null, "{app: old}")
                        + service("old", null, "{app: old}")
                        + service("web", null, "{app: web}")
                        + deployment("web", null, "{app: web}")
                        + hpa("autoscaling/v2", "web", null, "Deployment", "web"));
        Workload first = graph.workloads().get(0);
        Workload last = graph.workloads().get(1);
        assertEquals(2, graph.workloads().size());
        assertEquals(List.of(first.object()), graph.overridden());
        assertTrue(graph.selectedBy(object(graph, "Service", "old")).isEmpty(), "the overridden copy is gone");
        assertEquals(List.of(last), graph.selectedBy(object(graph, "Service", "web")));
        assertSame(last, graph.hpaTarget(object(graph, "HorizontalPodAutoscaler", "web")).orElseThrow());
        assertEquals(List.of("Service/old"), names(graph.servicesSelecting(first)));
        assertEquals(List.of("Service/web"), names(graph.servicesSelecting(last)));
        assertEquals(List.of("HorizontalPodAutoscaler/web"), names(graph.hpasScaling(first)));
        assertSame(last.object(), graph.find("Deployment", "release-ns", "web").orElseThrow());
    }

    @Test
    void apiVersionsOfOneGroupAndLegacyExtensionsAreTheSameIdentity() {
        ResourceGraph graph = graph(
                "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: web}\n"
                        + "spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: a}]}}}\n---\n"
                        + deployment("web", null, "{app: web}")
                        + service("web", null, "{app: web}"));
        assertEquals(1, graph.overridden().size());
        assertEquals(List.of(graph.workloads().get(1)), graph.selectedBy(object(graph, "Service", "web")));
    }

    @Test
    void anEqualObjectFromOutsideTheGraphAnswersAsTheWinningCopy() {
        String yaml = deployment("web", null, "{app: web}") + service("web", null, "{app: web}");
        ResourceGraph graph = graph(yaml);
        ResourceGraph twin = graph(yaml);
        K8sObject foreignService = object(twin, "Service", "web");
        assertEquals(List.of(graph.workloads().get(0)), graph.selectedBy(foreignService));
        assertTrue(graph.workload(object(twin, "Deployment", "web")).isPresent());
        assertTrue(graph(service("x", null, "{app: x}")).selectedBy(foreignService).isEmpty());
    }
}
