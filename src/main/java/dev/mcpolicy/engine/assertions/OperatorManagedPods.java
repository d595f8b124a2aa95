package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.LabelSelector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pods that an operator will create from a custom resource of the render (a Prometheus, a Kafka cluster, an Argo
 * Rollout), so a selector that matches no workload of the render may still match real pods. A selector counts as
 * aimed at such pods when one of its label values is the name of a custom resource in its namespace (operators label
 * pods with their resource's name) or when a custom resource's pod template labels match it.
 */
final class OperatorManagedPods {
    private final Set<String> customResourceNames = new HashSet<>();
    private final Map<String, List<Map<String, String>>> templateLabelsByNamespace = new HashMap<>();

    static OperatorManagedPods of(EvaluationContext context) {
        return context.memo("operator-managed-pods", () -> {
            OperatorManagedPods index = new OperatorManagedPods();
            for (K8sObject object : context.graph().objects()) {
                if (isCustomResource(object.apiVersion())) {
                    index.add(object);
                }
            }
            return index;
        });
    }

    /** A custom resource's group has a dot and is not one of Kubernetes' own {@code *.k8s.io} groups. */
    static boolean isCustomResource(String apiVersion) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String group = apiVersion.substring(0, slash);
        return group.contains(".") && !group.endsWith(".k8s.io");
    }

    private void add(K8sObject resource) {
        String namespace = Objects.toString(resource.namespace(), "");
        customResourceNames.add(namespace + '\0' + resource.name());
        JsonNode labels = resource.node().path("spec").path("template").path("metadata").path("labels");
        if (labels.isObject() && !labels.isEmpty()) {
            Map<String, String> map = new HashMap<>();
            labels.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
            templateLabelsByNamespace.computeIfAbsent(namespace, ns -> new ArrayList<>()).add(map);
        }
    }

    boolean mayCreatePodsFor(String namespace, LabelSelector selector) {
        String ns = Objects.toString(namespace, "");
        for (String value : selector.matchLabels().values()) {
            if (customResourceNames.contains(ns + '\0' + value)) {
                return true;
            }
        }
        for (Map<String, String> labels : templateLabelsByNamespace.getOrDefault(ns, List.of())) {
            if (selector.matches(labels)) {
                return true;
            }
        }
        return false;
    }
}
