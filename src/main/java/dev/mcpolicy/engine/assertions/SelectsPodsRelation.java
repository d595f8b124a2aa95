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
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.LabelSelector;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code selects-pods}: a Service's or PodDisruptionBudget's selector matches the pods of at least one workload of
 * the render in its namespace; Helm hook Pods (tests) do not count, since they are gone once they have run. Not judged, because the pods may legitimately come from elsewhere:
 * Services without a selector (endpoints managed by hand) and ExternalName Services; selectors in a namespace where
 * the render runs no workload at all (they aim at another release's pods); selectors aimed at pods an operator
 * creates from a custom resource of the render.
 * The violation sits on the selector and names the workloads of the namespace that come closest (share a label).
 */
public final class SelectsPodsRelation implements Relation {
    private static final int MAX_NAMED = 3;
    private static final int MAX_CANDIDATES_PER_LABEL = 256;

    @Override
    public String name() {
        return "selects-pods";
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.SERVICE, TargetKind.PDB);
    }

    @Override
    public boolean claimsAbsence() {
        return true;
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("selector", "the selector, or \"none\"",
                "selectorNote", "the closest workloads (pod labels sharing a key), or why it selects nothing");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("A Service's or PodDisruptionBudget's selector matches the pods of a workload of the render in"
                + " its namespace (Helm hook Pods do not count); selector-less and ExternalName Services, namespaces"
                + " without workloads and pods an operator creates from a custom resource are not judged.",
                "target: services\nassert:\n  relation: {name: selects-pods}");
    }

    @Override
    public List<Violation> check(Target target, EvaluationContext context) {
        K8sObject object = target.object();
        ResourceGraph graph = context.graph();
        if (object == null || !isJudged(object)) {
            return List.of();
        }
        boolean service = object.kind().equals("Service");
        List<Workload> selected = service ? graph.selectedBy(object) : graph.coveredBy(object);
        if (selected.stream().anyMatch(workload -> !workload.helmHook())) {
            return List.of();
        }
        LabelSelector selector = graph.selector(object).orElse(LabelSelector.nothing());
        if (!hasWorkloads(context, object.namespace())
                || context.graph().operatorMayCreatePodsFor(object.namespace(), selector)) {
            return List.of();
        }
        List<Violation.Related> related = new ArrayList<>();
        List<Workload> nearest = new ArrayList<>();
        String note = selector.problem().map(problem -> " The selector is invalid (" + problem + "), so it selects"
                        + " nothing.")
                .orElseGet(() -> nearestNote(context, object, selector, related, nearest));
        boolean hasSelector = !object.node().path("spec").path("selector").isMissingNode();
        Map<String, String> facts = new HashMap<>();
        facts.put("selector", hasSelector ? selector.toString() : "none");
        facts.put("selectorNote", note);
        String pointer = object.pointer(hasSelector ? "/spec/selector" + offendingLabel(object, selector, nearest)
                : "/spec");
        return List.of(new Violation(Violation.DEFAULT, pointer, facts, Map.of(), related));
    }

    /** Services of type ExternalName or without a selector are not meant to select pods. */
    private static boolean isJudged(K8sObject object) {
        if (object.kind().equals("Service") && object.apiVersion().equals("v1")) {
            JsonNode spec = object.node().path("spec");
            JsonNode selector = spec.path("selector");
            return !spec.path("type").asText("").equals("ExternalName") && selector.isObject() && !selector.isEmpty();
        }
        return object.kind().equals("PodDisruptionBudget") && object.apiVersion().startsWith("policy/");
    }

    private static boolean hasWorkloads(EvaluationContext context, String namespace) {
        return context.graph().hasWorkloadsIn(namespace);
    }

    /** Names the workloads of the namespace whose pods share a label with the selector: the likely intended ones. */
    /**
     * The relative pointer of the first selector label (in document order) that the closest workload's pods do not
     * carry: the line to fix. Empty when there is no closest workload or the labels are not the culprit.
     */
    private static String offendingLabel(K8sObject object, LabelSelector selector, List<Workload> nearest) {
        if (nearest.isEmpty()) {
            return "";
        }
        Map<String, String> podLabels = nearest.get(0).podLabels();
        boolean service = object.kind().equals("Service");
        JsonNode labels = service ? object.node().path("spec").path("selector")
                : object.node().path("spec").path("selector").path("matchLabels");
        for (Map.Entry<String, JsonNode> label : labels.properties()) {
            if (!label.getValue().asText().equals(podLabels.get(label.getKey()))) {
                return (service ? "/" : "/matchLabels/") + dev.mcpolicy.manifest.JsonPointers.escape(label.getKey());
            }
        }
        return "";
    }

    private static String nearestNote(EvaluationContext context, K8sObject object, LabelSelector selector,
                                      List<Violation.Related> related, List<Workload> nearestOut) {
        // Indexed by namespace + label key: candidates share a key with the selector, so a typo in a value is found.

        // Identity, not record equality: comparing workloads would compare whole pod specs.
        Map<Workload, Boolean> candidates = new java.util.IdentityHashMap<>();
        List<Workload> ordered = new ArrayList<>();
        for (Map.Entry<String, String> label : new TreeMap<>(selector.matchLabels()).entrySet()) {
            List<Workload> sharing = context.graph().workloadsWithPodLabelKey(object.namespace(), label.getKey());
            // A key every workload carries (the release instance) would make each finding scan the namespace.
            for (Workload workload : sharing.subList(0, Math.min(sharing.size(), MAX_CANDIDATES_PER_LABEL))) {
                if (!workload.helmHook() && candidates.put(workload, Boolean.TRUE) == null) {
                    ordered.add(workload);
                }
            }
        }
        int[] scores = new int[ordered.size()];
        int best = 1; // at least a near match of one label
        for (int i = 0; i < ordered.size(); i++) {
            scores[i] = score(ordered.get(i).podLabels(), selector.matchLabels());
            best = Math.max(best, scores[i]);
        }
        List<Workload> nearest = new ArrayList<>();
        for (int i = 0; i < ordered.size() && nearest.size() < MAX_NAMED; i++) {
            if (scores[i] == best) {
                nearest.add(ordered.get(i));
            }
        }
        nearestOut.addAll(nearest);
        if (nearest.isEmpty()) {
            return " No workload in namespace " + object.namespace() + " carries these labels.";
        }
        List<String> described = new ArrayList<>();
        for (Workload workload : nearest) {
            String labels = labelsText(workload.podLabels());
            described.add(workload.object().displayName() + " (pod labels " + labels + ")");
            related.add(new Violation.Related(workload.object().document(),
                    workload.object().pointer(workload.podLabelsPointer()),
                    workload.object().displayName() + " labels its pods " + labels));
        }
        return " Closest: " + String.join(", ", described) + "; make the selector match the pod labels.";
    }

    /**
     * How close pod labels come to the selector: 2 per label it matches exactly, 1 per label with the same key and a
     * value one or two letters away (a typo), so the likely intended workload ranks first.
     */
    private static int score(Map<String, String> podLabels, Map<String, String> wanted) {
        int score = 0;
        for (Map.Entry<String, String> label : wanted.entrySet()) {
            String actual = podLabels.get(label.getKey());
            if (label.getValue().equals(actual)) {
                score += 2;
            } else if (actual != null && RouteBackendsAssertion.editDistance(actual, label.getValue()) <= 2) {
                score += 1;
            }
        }
        return score;
    }

    static String labelsText(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(labels).forEach((key, value) -> parts.add(key + "=" + value));
        return MessageLists.join(parts, MessageLists.DEFAULT_MAX, ",");
    }
}
