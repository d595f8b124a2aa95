package dev.mcpolicy.engine.assertions;

import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Relation;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.LabelSelector;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code covered-by-pdb}: some PodDisruptionBudget in the workload's namespace selects its pod labels. The violation
 * sits on the pod template labels and names what exists instead: PDBs of the namespace whose selector misses the
 * labels (the usual bug), or a matching PDB in another namespace.
 * Placeholders: {@code podLabels}, {@code pdbNote}.
 */
public final class CoveredByPdbRelation implements Relation {
    private static final String KIND = "PodDisruptionBudget";
    private static final int MAX_NAMED = 3;

    @Override
    public String name() {
        return "covered-by-pdb";
    }

    @Override
    public String incompatibility(Selector selector) {
        return selector.yieldsWorkloads() && !selector.yieldsContainers() ? null
                : "covered-by-pdb needs a workload target (workloads or mcp-servers), not " + selector.name();
    }

    @Override
    public Set<String> placeholders() {
        return Set.of("podLabels", "pdbNote");
    }

    @Override
    public List<Violation> check(Target target, EvaluationContext context) {
        Workload workload = target.workload();
        ResourceGraph graph = context.graph();
        if (workload == null || !graph.pdbsCovering(workload).isEmpty()) {
            return List.of();
        }
        String namespace = workload.object().namespace();
        Map<String, List<K8sObject>> byNamespace = context.memo("pdbs-by-namespace", () -> {
            Map<String, List<K8sObject>> index = new HashMap<>();
            for (K8sObject pdb : graph.ofKind(KIND)) {
                index.computeIfAbsent(Objects.toString(pdb.namespace(), ""), ns -> new ArrayList<>()).add(pdb);
            }
            return index;
        });
        List<K8sObject> sameNamespace = byNamespace.getOrDefault(Objects.toString(namespace, ""), List.of());
        List<Violation.Related> related = new ArrayList<>();
        String note;
        if (!sameNamespace.isEmpty()) {
            List<String> described = new ArrayList<>();
            for (K8sObject pdb : sameNamespace) {
                if (described.size() < MAX_NAMED) {
                    described.add(pdb.displayName() + " (selector " + selectorText(graph, pdb) + ")");
                }
                related.add(new Violation.Related(pdb.document(), pdb.pointer("/spec/selector"),
                        pdb.displayName() + " selects " + selectorText(graph, pdb) + ", not these pods"));
            }
            String more = sameNamespace.size() > MAX_NAMED ? " and " + (sameNamespace.size() - MAX_NAMED) + " more" : "";
            note = " " + String.join(", ", described) + more + (sameNamespace.size() == 1 ? " exists" : " exist")
                    + " in namespace " + namespace + " but " + (sameNamespace.size() == 1 ? "does" : "do")
                    + " not select these pods; make the selector match the pod labels.";
        } else {
            note = elsewhereNote(graph, workload, byNamespace, namespace, related);
        }
        Map<String, String> facts = new HashMap<>();
        facts.put("podLabels", labelsText(workload.podLabels()));
        facts.put("pdbNote", note);
        return List.of(new Violation(Violation.DEFAULT, workload.object().pointer(workload.podLabelsPointer()), facts,
                Map.of(), related));
    }

    private static String elsewhereNote(ResourceGraph graph, Workload workload, Map<String, List<K8sObject>> byNamespace,
                                        String namespace, List<Violation.Related> related) {
        for (Map.Entry<String, List<K8sObject>> entry : new TreeMap<>(byNamespace).entrySet()) {
            for (K8sObject pdb : entry.getValue()) {
                boolean matches = graph.selector(pdb).map(s -> s.matches(workload.podLabels())).orElse(false);
                if (matches) {
                    related.add(new Violation.Related(pdb.document(), pdb.pointer("/metadata"),
                            pdb.displayName() + " is in namespace " + entry.getKey()));
                    return " " + pdb.displayName() + " selects these labels but is in namespace " + entry.getKey()
                            + ", and a PodDisruptionBudget only protects pods of its own namespace.";
                }
            }
        }
        return byNamespace.isEmpty() ? " No PodDisruptionBudget is rendered."
                : " No PodDisruptionBudget is rendered in namespace " + namespace + ".";
    }

    private static String selectorText(ResourceGraph graph, K8sObject pdb) {
        return graph.selector(pdb).map(LabelSelector::toString).orElse("<none>");
    }

    private static String labelsText(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(labels).forEach((key, value) -> parts.add(key + "=" + value));
        return String.join(",", parts);
    }
}
