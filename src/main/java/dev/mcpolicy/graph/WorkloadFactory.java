package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** Recognises the built-in kinds that run pods and finds their pod template. */
final class WorkloadFactory {
    static final String HELM_HOOK_ANNOTATION = "helm.sh/hook";

    private WorkloadFactory() {
    }

    static Optional<Workload> from(K8sObject object) {
        Optional<String> templatePointer = podTemplatePointer(object);
        if (templatePointer.isEmpty()) {
            return Optional.empty();
        }
        String template = templatePointer.get();
        String podSpecPointer = template + "/spec";
        String podLabelsPointer = template + "/metadata/labels";
        JsonNode node = object.node();
        boolean helmHook = isHelmHook(object);
        boolean longRunning = switch (object.kind()) {
            case "Job", "CronJob" -> false;
            case "Pod" -> !helmHook;
            default -> true;
        };
        return Optional.of(new Workload(object, podSpecPointer, node.at(podSpecPointer),
                StringMaps.read(node.at(podLabelsPointer)), podLabelsPointer, longRunning, helmHook));
    }

    static boolean isHelmHook(K8sObject object) {
        return StringMaps.annotations(object.node()).containsKey(HELM_HOOK_ANNOTATION);
    }

    /** Pointer of the pod template ("" for a Pod, whose metadata and spec are its own). */
    private static Optional<String> podTemplatePointer(K8sObject object) {
        String kind = object.kind();
        if (!KubernetesKinds.isBuiltIn(object, kind)) {
            return Optional.empty();
        }
        return switch (kind) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job" ->
                    Optional.of("/spec/template");
            case "CronJob" -> Optional.of("/spec/jobTemplate/spec/template");
            case "Pod" -> Optional.of("");
            default -> Optional.empty();
        };
    }
}
