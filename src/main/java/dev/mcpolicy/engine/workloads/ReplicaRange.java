package dev.mcpolicy.engine.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.Workload;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How many pods a workload runs: a fixed count from {@code spec.replicas} (1 when unset), or the range of the
 * HorizontalPodAutoscaler that scales it. DaemonSets (one pod per node) and run-to-completion kinds have no count.
 *
 * @param hpa    the autoscaler deciding the count, or null
 * @param source how the count was found, for messages ("spec.replicas is 1", "HorizontalPodAutoscaler/x keeps 2 to 10")
 */
public record ReplicaRange(int min, int max, K8sObject hpa, String source) {
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

    public static Optional<ReplicaRange> of(ResourceGraph graph, Workload workload) {
        String kind = workload.object().kind();
        if (kind.equals("Pod")) {
            return Optional.of(new ReplicaRange(1, 1, null, "a bare Pod runs once"));
        }
        if (!SCALABLE.contains(kind)) {
            return Optional.empty();
        }
        List<K8sObject> hpas = graph.hpasScaling(workload);
        if (!hpas.isEmpty()) {
            K8sObject hpa = hpas.get(0);
            JsonNode spec = hpa.node().path("spec");
            int min = wholeNumber(spec.path("minReplicas")).orElse(1);
            int max = Math.max(min, wholeNumber(spec.path("maxReplicas")).orElse(min));
            return Optional.of(new ReplicaRange(min, max, hpa,
                    hpa.displayName() + " keeps " + min + " to " + max + " replicas"));
        }
        JsonNode replicas = workload.object().node().path("spec").path("replicas");
        if (replicas.isMissingNode() || replicas.isNull()) {
            return Optional.of(new ReplicaRange(1, 1, null, "spec.replicas is unset, so 1 replica runs"));
        }
        return wholeNumber(replicas).map(n -> new ReplicaRange(n, n, null, "spec.replicas is " + n));
    }

    public boolean scaledByHpa() {
        return hpa != null;
    }

    private static Optional<Integer> wholeNumber(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0
                ? Optional.of(node.intValue()) : Optional.empty();
    }
}
