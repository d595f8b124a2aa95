package dev.mcpolicy.engine.assertions;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Relation;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.MessageLists;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.finding.ChartHint;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.LabelSelector;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code covered-by-pdb}: some PodDisruptionBudget in the workload's namespace selects its pod labels. The violation
 * sits on the pod template labels and names what exists instead: PDBs of the namespace whose selector misses the
 * labels (the usual bug), or a matching PDB in another namespace.
 */
public final class CoveredByPdbRelation implements Relation {
    private static final String KIND = "PodDisruptionBudget";
    private static final int MAX_NAMED = 3;
    private static final int MAX_CANDIDATES = 64;

    @Override
    public String name() {
        return "covered-by-pdb";
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.WORKLOAD);
    }

    @Override
    public boolean claimsAbsence() {
        return true;
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("podLabels", "the pod labels a budget should select: the workload's own selector, else its"
                        + " pod labels without chart, version, manager and hash labels (at most four, then \"and N more\")",
                "pdbNote", "what exists instead: budgets of the namespace that miss, or one in another namespace");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("Some PodDisruptionBudget in the workload's namespace selects its pod labels; the violation names"
                + " what exists instead and, when a budget is evidently meant for the workload, sits on its selector.",
                "target: mcp-servers\nscope: mcp-server\nwhere: {longRunning: true}\nassert:\n  relation: {name: covered-by-pdb}");
    }

    @Override
    public List<Violation> check(Target target, EvaluationContext context) {
        Workload workload = target.workload();
        ResourceGraph graph = context.graph();
        if (workload == null || !graph.pdbsCovering(workload).isEmpty()) {
            return List.of();
        }
        String namespace = workload.object().namespace();
        List<K8sObject> sameNamespace = graph.ofKindIn(KIND, namespace);
        List<Violation.Related> related = new ArrayList<>();
        String note;
        if (!sameNamespace.isEmpty()) {
            List<K8sObject> named = nearestInNamespace(graph, workload, sameNamespace);
            List<String> described = new ArrayList<>();
            for (K8sObject pdb : named) {
                String selector = selectorText(graph, pdb);
                described.add(pdb.displayName() + " (selector " + selector + ")");
                related.add(new Violation.Related(pdb.document(), pdb.pointer("/spec/selector"),
                        pdb.displayName() + " selects " + selector + ", not these pods"));
            }
            int others = sameNamespace.size() - named.size();
            String more = others == 0 ? "" : named.isEmpty() ? others + " PodDisruptionBudget" + (others == 1 ? "" : "s")
                    : " and " + others + (others == 1 ? " other" : " others");
            boolean one = sameNamespace.size() == 1;
            note = " " + String.join(", ", described) + more + " in namespace " + namespace + (one ? " does" : " do")
                    + " not select them; make the selector match these labels.";
        } else {
            note = elsewhereNote(graph, workload, namespace, related);
        }
        Map<String, String> facts = new HashMap<>();
        facts.put("podLabels", labelsText(selectingLabels(workload)));
        facts.put("pdbNote", note);
        String labelsPointer = workload.object().pointer(workload.podLabelsPointer());
        Optional<K8sObject> intended = intendedBudget(graph, workload, sameNamespace);
        if (intended.isPresent()) {
            // The budget meant for this workload exists but its selector misses: that selector is the line to edit.
            K8sObject pdb = intended.get();
            List<Violation.Related> withWorkload = new ArrayList<>(related);
            withWorkload.removeIf(r -> r.document() == pdb.document());
            withWorkload.add(new Violation.Related(workload.object().document(), labelsPointer,
                    workload.object().displayName() + " labels its pods " + labelsText(selectingLabels(workload))));
            return List.of(new Violation(Violation.DEFAULT, mismatchPointer(graph, pdb, workload.podLabels()), facts,
                    Map.of(), withWorkload, pdb.document()));
        }
        // No budget at all in the namespace: in chart mode the mapper can point at the value that switches the
        // chart's own PodDisruptionBudget template off.
        ChartHint hint = sameNamespace.isEmpty() && related.isEmpty()
                ? ChartHint.missing(KIND) : ChartHint.NONE;
        return List.of(new Violation(Violation.DEFAULT, labelsPointer, facts, Map.of(), related)
                .withChartHint(hint));
    }

    /**
     * The budget evidently written for this workload: one with the workload's name, or the namespace's only budget
     * when it selects no workload at all. Null when no budget is that clearly meant for it.
     */
    private static Optional<K8sObject> intendedBudget(ResourceGraph graph, Workload workload,
                                                      List<K8sObject> sameNamespace) {
        Optional<K8sObject> sameName = graph.find(KIND, workload.object().namespace(), workload.object().name());
        if (sameName.isPresent() && graph.coveredBy(sameName.get()).isEmpty()) {
            return sameName;
        }
        if (sameNamespace.size() == 1 && graph.coveredBy(sameNamespace.get(0)).isEmpty()) {
            return Optional.of(sameNamespace.get(0));
        }
        return Optional.empty();
    }

    /** The first matchLabels entry the pods do not carry, else the matchExpressions, else the selector itself. */
    private static String mismatchPointer(ResourceGraph graph, K8sObject pdb, Map<String, String> podLabels) {
        Optional<LabelSelector> selector = graph.selector(pdb);
        if (selector.isPresent()) {
            for (Map.Entry<String, String> label : new TreeMap<>(selector.get().matchLabels()).entrySet()) {
                if (!label.getValue().equals(podLabels.get(label.getKey()))) {
                    return pdb.pointer("/spec/selector/matchLabels/" + dev.mcpolicy.manifest.JsonPointers.escape(label.getKey()));
                }
            }
            if (!selector.get().expressions().isEmpty()) {
                return pdb.pointer("/spec/selector/matchExpressions");
            }
        }
        return pdb.pointer("/spec/selector");
    }

    /**
     * The PDBs of the namespace most likely meant for this workload, at most {@link #MAX_NAMED}: one named like the
     * workload, then ones sharing a label key=value with its pods (through an index, so this stays near-linear).
     * In a namespace with many budgets, unrelated ones are only counted, not named.
     */
    private static List<K8sObject> nearestInNamespace(ResourceGraph graph, Workload workload,
                                                      List<K8sObject> sameNamespace) {
        if (sameNamespace.size() <= MAX_NAMED) {
            return sameNamespace;
        }
        java.util.LinkedHashSet<K8sObject> nearest = new java.util.LinkedHashSet<>();
        graph.find(KIND, workload.object().namespace(), workload.object().name()).ifPresent(nearest::add);
        for (Map.Entry<String, String> label : new TreeMap<>(workload.podLabels()).entrySet()) {
            for (K8sObject pdb : graph.pdbsWithMatchLabel(workload.object().namespace(), label.getKey(),
                    label.getValue())) {
                if (nearest.size() >= MAX_NAMED) {
                    break;
                }
                nearest.add(pdb);
            }
        }
        return List.copyOf(nearest).subList(0, Math.min(MAX_NAMED, nearest.size()));
    }

    private static String elsewhereNote(ResourceGraph graph, Workload workload, String namespace,
                                        List<Violation.Related> related) {
        for (K8sObject pdb : candidatesElsewhere(graph, workload)) {
            if (!Objects.equals(pdb.namespace(), namespace)
                    && graph.selector(pdb).map(s -> s.matches(workload.podLabels())).orElse(false)) {
                related.add(new Violation.Related(pdb.document(), pdb.pointer("/metadata"),
                        pdb.displayName() + " is in namespace " + pdb.namespace()));
                return " " + pdb.displayName() + " selects these labels but is in namespace " + pdb.namespace()
                        + ", and a PodDisruptionBudget only protects pods of its own namespace.";
            }
        }
        return graph.ofKind(KIND).isEmpty() ? " No PodDisruptionBudget is rendered."
                : " No PodDisruptionBudget is rendered in namespace " + namespace + ".";
    }

    /**
     * PDBs that might select the labels, found through an index by one of their matchLabels (key=value) so that
     * many uncovered workloads and many PDBs stay near-linear; selectors without matchLabels are always candidates.
     */
    private static List<K8sObject> candidatesElsewhere(ResourceGraph graph, Workload workload) {
        List<K8sObject> candidates = new ArrayList<>(graph.pdbsWithoutMatchLabels());
        new TreeMap<>(workload.podLabels()).forEach((key, value) ->
                candidates.addAll(graph.pdbsByFirstMatchLabel(key, value)));
        candidates.sort(java.util.Comparator.comparing(K8sObject::identity));
        // The note is a hint: looking at a bounded number of candidates keeps uncovered workloads times
        // expression-only PDBs from growing quadratically.
        return candidates.size() > MAX_CANDIDATES ? candidates.subList(0, MAX_CANDIDATES) : candidates;
    }

    private static String selectorText(ResourceGraph graph, K8sObject pdb) {
        return graph.selector(pdb).map(LabelSelector::toString).orElse("<none>");
    }

    /** Pod labels that never select: they change with every chart or app release, or are set by controllers. */
    private static final Set<String> NON_SELECTING = Set.of("helm.sh/chart", "chart", "heritage",
            "app.kubernetes.io/version", "app.kubernetes.io/managed-by", "pod-template-hash",
            "controller-revision-hash", "statefulset.kubernetes.io/pod-name", "pod-template-generation");

    /**
     * The pod labels a budget should select: those of the workload's own selector when it has one the pods carry,
     * else the pod labels without the ones that never select ({@code helm.sh/chart}, the app version, the manager).
     */
    static Map<String, String> selectingLabels(Workload workload) {
        Map<String, String> pods = workload.podLabels();
        Map<String, String> selecting = new TreeMap<>();
        workload.object().node().path("spec").path("selector").path("matchLabels").properties().forEach(entry -> {
            if (entry.getValue().isValueNode() && entry.getValue().asText().equals(pods.get(entry.getKey()))) {
                selecting.put(entry.getKey(), entry.getValue().asText());
            }
        });
        if (!selecting.isEmpty()) {
            return selecting;
        }
        pods.forEach((key, value) -> {
            if (!NON_SELECTING.contains(key)) {
                selecting.put(key, value);
            }
        });
        return selecting.isEmpty() ? pods : selecting;
    }

    private static String labelsText(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(labels).forEach((key, value) -> parts.add(key + "=" + value));
        return MessageLists.join(parts, MessageLists.DEFAULT_MAX, ",");
    }
}
