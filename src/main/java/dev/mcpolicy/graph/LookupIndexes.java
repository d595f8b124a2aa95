package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The secondary lookups rules ask per object (objects by namespace and name, Services by the Ingresses routing to
 * them, PodDisruptionBudgets by label, …), each built once on first use so a run that never asks pays nothing.
 * Namespaces are keyed with {@code ""} for none.
 */
final class LookupIndexes {
    private final ResourceGraph graph;
    private Map<String, List<K8sObject>> objectsByNamespaceName;
    private Map<String, List<K8sObject>> objectsByKindNamespace;
    private Map<K8sObject, List<K8sObject>> ingressesByService;
    private Set<String> namespacesWithUncoveredMcpServer;
    private Set<String> namespacesWithWorkloads;
    private Map<String, List<Workload>> workloadsByNamespaceLabelKey;
    private Map<String, List<K8sObject>> pdbsByNamespaceLabel;
    private Map<String, List<K8sObject>> pdbsByFirstLabel;
    private List<K8sObject> pdbsWithoutMatchLabels;
    private OperatorManagedPods operatorManagedPods;

    LookupIndexes(ResourceGraph graph) {
        this.graph = graph;
    }

    private static String ns(String namespace) {
        return Objects.toString(namespace, "");
    }

    synchronized List<K8sObject> objectsNamed(String namespace, String name) {
        if (objectsByNamespaceName == null) {
            objectsByNamespaceName = new HashMap<>();
            for (K8sObject object : graph.objects()) {
                objectsByNamespaceName.computeIfAbsent(ns(object.namespace()) + '\0' + object.name(),
                        key -> new ArrayList<>()).add(object);
            }
        }
        return view(objectsByNamespaceName.get(ns(namespace) + '\0' + name));
    }

    synchronized List<K8sObject> ofKindIn(String kind, String namespace) {
        if (objectsByKindNamespace == null) {
            objectsByKindNamespace = new HashMap<>();
            for (K8sObject object : graph.objects()) {
                objectsByKindNamespace.computeIfAbsent(object.kind() + '\0' + ns(object.namespace()),
                        key -> new ArrayList<>()).add(object);
            }
        }
        return view(objectsByKindNamespace.get(kind + '\0' + ns(namespace)));
    }

    synchronized List<K8sObject> ingressesRoutingTo(K8sObject service) {
        if (ingressesByService == null) {
            ingressesByService = new IdentityHashMap<>();
            for (K8sObject route : graph.ofKind("Ingress")) {
                for (Backend backend : graph.backends(route)) {
                    if (backend.service() != null) {
                        List<K8sObject> list = ingressesByService.computeIfAbsent(backend.service(),
                                s -> new ArrayList<>());
                        if (list.isEmpty() || list.get(list.size() - 1) != route) {
                            list.add(route);
                        }
                    }
                }
            }
        }
        return view(ingressesByService.get(service));
    }

    synchronized boolean hasUncoveredMcpServerIn(String namespace) {
        if (namespacesWithUncoveredMcpServer == null) {
            namespacesWithUncoveredMcpServer = new HashSet<>();
            for (Workload server : graph.mcpServers()) {
                if (server.longRunning() && graph.pdbsCovering(server).isEmpty()) {
                    namespacesWithUncoveredMcpServer.add(ns(server.object().namespace()));
                }
            }
        }
        return namespacesWithUncoveredMcpServer.contains(ns(namespace));
    }

    synchronized boolean hasWorkloadsIn(String namespace) {
        if (namespacesWithWorkloads == null) {
            namespacesWithWorkloads = new HashSet<>();
            graph.workloads().forEach(w -> namespacesWithWorkloads.add(ns(w.object().namespace())));
        }
        return namespacesWithWorkloads.contains(ns(namespace));
    }

    synchronized List<Workload> workloadsWithPodLabelKey(String namespace, String key) {
        if (workloadsByNamespaceLabelKey == null) {
            workloadsByNamespaceLabelKey = new HashMap<>();
            for (Workload workload : graph.workloads()) {
                String workloadNamespace = ns(workload.object().namespace());
                workload.podLabels().keySet().forEach(label -> workloadsByNamespaceLabelKey
                        .computeIfAbsent(workloadNamespace + '\0' + label, k -> new ArrayList<>()).add(workload));
            }
        }
        return view(workloadsByNamespaceLabelKey.get(ns(namespace) + '\0' + key));
    }

    synchronized List<K8sObject> pdbsWithMatchLabel(String namespace, String key, String value) {
        if (pdbsByNamespaceLabel == null) {
            pdbsByNamespaceLabel = new HashMap<>();
            for (K8sObject pdb : graph.ofKind("PodDisruptionBudget")) {
                matchLabels(pdb).forEach((labelKey, labelValue) -> pdbsByNamespaceLabel.computeIfAbsent(
                        ns(pdb.namespace()) + '\0' + labelKey + '=' + labelValue, k -> new ArrayList<>()).add(pdb));
            }
        }
        return view(pdbsByNamespaceLabel.get(ns(namespace) + '\0' + key + '=' + value));
    }

    synchronized List<K8sObject> pdbsByFirstMatchLabel(String key, String value) {
        indexPdbsByFirstLabel();
        return view(pdbsByFirstLabel.get(key + '=' + value));
    }

    synchronized List<K8sObject> pdbsWithoutMatchLabels() {
        indexPdbsByFirstLabel();
        return Collections.unmodifiableList(pdbsWithoutMatchLabels);
    }

    private void indexPdbsByFirstLabel() {
        if (pdbsByFirstLabel != null) {
            return;
        }
        pdbsByFirstLabel = new HashMap<>();
        pdbsWithoutMatchLabels = new ArrayList<>();
        for (K8sObject pdb : graph.ofKind("PodDisruptionBudget")) {
            Map<String, String> labels = matchLabels(pdb);
            if (labels.isEmpty()) {
                pdbsWithoutMatchLabels.add(pdb);
            } else {
                Map.Entry<String, String> first = new TreeMap<>(labels).firstEntry();
                pdbsByFirstLabel.computeIfAbsent(first.getKey() + '=' + first.getValue(), k -> new ArrayList<>())
                        .add(pdb);
            }
        }
    }

    synchronized boolean operatorMayCreatePodsFor(String namespace, LabelSelector selector) {
        if (operatorManagedPods == null) {
            operatorManagedPods = OperatorManagedPods.of(graph.objects());
        }
        return operatorManagedPods.mayCreatePodsFor(namespace, selector);
    }

    private Map<String, String> matchLabels(K8sObject pdb) {
        return graph.selector(pdb).map(LabelSelector::matchLabels).orElse(Map.of());
    }

    private static <T> List<T> view(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    /**
     * Pods that an operator will create from a custom resource of the render (a Prometheus, a Kafka cluster, an Argo
     * Rollout), so a selector that matches no workload of the render may still match real pods. A selector counts as
     * aimed at such pods when one of its label values is the name of a custom resource in its namespace (operators
     * label pods with their resource's name) or when a custom resource's pod template labels match it.
     */
    static final class OperatorManagedPods {
        private final Set<String> customResourceNames = new HashSet<>();
        private final Map<String, List<Map<String, String>>> templateLabelsByNamespace = new HashMap<>();

        static OperatorManagedPods of(List<K8sObject> objects) {
            OperatorManagedPods index = new OperatorManagedPods();
            for (K8sObject object : objects) {
                if (isCustomResource(object.apiVersion())) {
                    index.add(object);
                }
            }
            return index;
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
            String namespace = ns(resource.namespace());
            customResourceNames.add(namespace + '\0' + resource.name());
            JsonNode labels = resource.node().path("spec").path("template").path("metadata").path("labels");
            if (labels.isObject() && !labels.isEmpty()) {
                Map<String, String> map = new HashMap<>();
                labels.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
                templateLabelsByNamespace.computeIfAbsent(namespace, n -> new ArrayList<>()).add(map);
            }
        }

        boolean mayCreatePodsFor(String namespace, LabelSelector selector) {
            String key = ns(namespace);
            for (String value : selector.matchLabels().values()) {
                if (customResourceNames.contains(key + '\0' + value)) {
                    return true;
                }
            }
            for (Map<String, String> labels : templateLabelsByNamespace.getOrDefault(key, List.of())) {
                if (selector.matches(labels)) {
                    return true;
                }
            }
            return false;
        }
    }
}
