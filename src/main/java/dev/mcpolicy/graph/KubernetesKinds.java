package dev.mcpolicy.graph;

import java.util.Set;

/** What mcpolicy knows about Kubernetes kinds: scope and the API groups of the built-in kinds it models. */
final class KubernetesKinds {
    static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
            "StorageClass", "IngressClass", "GatewayClass", "PriorityClass", "ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration", "APIService", "Node");

    private KubernetesKinds() {
    }

    static boolean isClusterScoped(String kind) {
        return CLUSTER_SCOPED.contains(kind);
    }

    /** The API group of an apiVersion: "apps" for "apps/v1", "" for the core group ("v1"). */
    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /**
     * The group an object belongs to for identity: legacy {@code extensions} kinds count as the group that took them
     * over, so {@code extensions/v1beta1} and {@code apps/v1} Deployments of one name are the same object.
     */
    static String identityGroup(K8sObject object) {
        String group = group(object.apiVersion());
        if (!group.equals("extensions")) {
            return group;
        }
        return switch (object.kind()) {
            case "Deployment", "DaemonSet", "ReplicaSet" -> "apps";
            case "Ingress" -> "networking.k8s.io";
            default -> group;
        };
    }

    /**
     * True for the built-in kind itself, not a custom resource that reuses its name (a Knative
     * {@code serving.knative.dev/v1 Service} is not a core Service).
     */
    static boolean isBuiltIn(K8sObject object, String kind) {
        if (!object.kind().equals(kind)) {
            return false;
        }
        String group = group(object.apiVersion());
        return switch (kind) {
            case "Service", "Pod", "ReplicationController" -> group.isEmpty();
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" ->
                    group.equals("apps") || group.equals("extensions");
            case "Job", "CronJob" -> group.equals("batch");
            case "Ingress" -> group.equals("networking.k8s.io") || group.equals("extensions");
            case "IngressClass" -> group.equals("networking.k8s.io");
            case "HorizontalPodAutoscaler" -> group.equals("autoscaling");
            case "PodDisruptionBudget" -> group.equals("policy");
            default -> true;
        };
    }
}
