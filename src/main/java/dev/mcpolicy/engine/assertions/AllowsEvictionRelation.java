package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Relation;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.engine.mechanism.MessageLists;
import dev.mcpolicy.engine.workloads.IntOrPercent;
import dev.mcpolicy.engine.workloads.ReplicaRange;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code allows-eviction}: a PodDisruptionBudget lets at least one of the pods it selects be evicted when the
 * workloads run their fewest replicas (an autoscaler's minReplicas, else spec.replicas). Computed as the disruption
 * controller does: {@code maxUnavailable} 0 (or "0%") never allows one; {@code minAvailable} is scaled by the
 * expected pod count rounding up, and allows none once it reaches that count. Budgets whose pod count cannot be known
 * (DaemonSets, selecting nothing long-running in the render) pass; Helm hook Pods and Jobs are not counted. Placeholders: {@code budget}, {@code required},
 * {@code expectedPods}, {@code podsSource}.
 */
public final class AllowsEvictionRelation implements Relation {

    @Override
    public String name() {
        return "allows-eviction";
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.PDB);
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("budget", "the budget as written: minAvailable 2, maxUnavailable 0",
                "required", "the pods it requires to stay available", "expectedPods", "the pods expected at the fewest replicas",
                "podsSource", "where that count comes from, per workload (three at most, then \"and N more\")");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("A PodDisruptionBudget lets at least one of the pods it selects be evicted when the workloads"
                + " run their fewest replicas, computed as the disruption controller does; budgets whose pod count cannot"
                + " be known pass.", "target: pdbs\nassert:\n  relation: {name: allows-eviction}");
    }

    @Override
    public List<Violation> check(Target target, EvaluationContext context) {
        K8sObject pdb = target.object();
        if (pdb == null) {
            return List.of();
        }
        // Helm test Pods and Jobs share the labels for a moment only; the budget guards the long-running pods.
        List<Workload> workloads = context.graph().coveredBy(pdb).stream().filter(Workload::longRunning).toList();
        if (workloads.isEmpty()) {
            return List.of();
        }
        JsonNode spec = pdb.node().path("spec");
        JsonNode maxUnavailable = spec.path("maxUnavailable");
        JsonNode minAvailable = spec.path("minAvailable");
        Map<String, String> facts = new HashMap<>();
        if (!maxUnavailable.isMissingNode() && !maxUnavailable.isNull()) {
            Optional<IntOrPercent> budget = IntOrPercent.read(maxUnavailable);
            if (budget.isEmpty() || budget.get().value() != 0) {
                return List.of();
            }
            facts.put("budget", "maxUnavailable " + budget.get().text());
            facts.put("required", "all");
            facts.put("expectedPods", "its");
            facts.put("podsSource", "whatever the replica count");
            return List.of(Violation.of(Violation.DEFAULT, target.pointer() + "/spec/maxUnavailable", facts));
        }
        Optional<IntOrPercent> budget = IntOrPercent.read(minAvailable);
        if (budget.isEmpty()) {
            return List.of();
        }
        int expected = 0;
        List<String> sources = new ArrayList<>();
        for (Workload workload : workloads) {
            Optional<ReplicaRange> range = ReplicaRange.of(context.graph(), workload);
            if (range.isEmpty()) {
                return List.of();
            }
            expected += range.get().min();
            sources.add(workload.object().displayName() + ": " + range.get().source());
        }
        int required = budget.get().of(expected, true);
        if (expected == 0 || required < expected) {
            return List.of();
        }
        facts.put("budget", "minAvailable " + budget.get().text());
        facts.put("required", Integer.toString(required));
        facts.put("expectedPods", Integer.toString(expected));
        facts.put("podsSource", MessageLists.join(sources, 3, "; "));
        // The budget blocks because of these workloads' replica counts: a finding on one of them can supersede it.
        return List.of(Violation.of(Violation.DEFAULT, target.pointer() + "/spec/minAvailable", facts)
                .withAbout(workloads.stream().map(Workload::object).toList()));
    }
}
