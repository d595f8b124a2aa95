package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Something that runs pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or a bare Pod.
 *
 * @param podSpecPointer   pointer of the pod spec relative to the object ({@code /spec/template/spec},
 *                         {@code /spec/jobTemplate/spec/template/spec}, {@code /spec} for a Pod)
 * @param podSpec          that pod spec (a MissingNode when absent)
 * @param podLabels        labels of the pods it creates (template labels; a Pod's own labels)
 * @param podLabelsPointer pointer of those labels relative to the object
 * @param longRunning      false for Jobs, CronJobs and Helm hook Pods
 * @param helmHook         carries a {@code helm.sh/hook} annotation
 */
public record Workload(K8sObject object, String podSpecPointer, JsonNode podSpec, Map<String, String> podLabels,
                       String podLabelsPointer, boolean longRunning, boolean helmHook) {
}
