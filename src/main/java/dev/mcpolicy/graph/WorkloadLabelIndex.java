package dev.mcpolicy.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workloads indexed by namespace and pod label {@code key=value}, so that a selector is resolved without
 * scanning every workload.
 *
 * <p>A selector with {@code matchLabels} starts from the shortest posting list of its equalities and keeps the
 * workloads that match the whole selector (the other equalities and the expressions): that is the intersection of
 * the posting lists, done with hash look-ups. Only a selector without {@code matchLabels} scans its namespace's
 * workloads. Posting lists hold workloads in input order, so results are in input order too.
 */
final class WorkloadLabelIndex {
    private final Map<String, Map<String, List<Workload>>> postingsByNamespace = new HashMap<>();
    private final Map<String, List<Workload>> workloadsByNamespace = new HashMap<>();

    /** Adds workloads; call in input order. */
    void add(Workload workload) {
        String namespace = namespaceKey(workload.object().namespace());
        workloadsByNamespace.computeIfAbsent(namespace, ns -> new ArrayList<>()).add(workload);
        Map<String, List<Workload>> postings = postingsByNamespace.computeIfAbsent(namespace, ns -> new HashMap<>());
        for (Map.Entry<String, String> label : workload.podLabels().entrySet()) {
            postings.computeIfAbsent(postingKey(label.getKey(), label.getValue()), k -> new ArrayList<>())
                    .add(workload);
        }
    }

    /** Workloads of {@code namespace} whose pod labels the selector matches, in input order. */
    List<Workload> select(String namespace, LabelSelector selector) {
        if (selector.selectsNothing()) {
            return List.of();
        }
        String namespaceKey = namespaceKey(namespace);
        List<Workload> candidates = selector.matchLabels().isEmpty()
                ? workloadsByNamespace.getOrDefault(namespaceKey, List.of())
                : shortestPostingList(namespaceKey, selector.matchLabels());
        List<Workload> selected = new ArrayList<>();
        for (Workload candidate : candidates) {
            if (selector.matches(candidate.podLabels())) {
                selected.add(candidate);
            }
        }
        return selected;
    }

    private List<Workload> shortestPostingList(String namespaceKey, Map<String, String> equalities) {
        Map<String, List<Workload>> postings = postingsByNamespace.getOrDefault(namespaceKey, Map.of());
        List<Workload> shortest = null;
        for (Map.Entry<String, String> equality : equalities.entrySet()) {
            List<Workload> posting = postings.get(postingKey(equality.getKey(), equality.getValue()));
            if (posting == null) {
                return List.of();
            }
            if (shortest == null || posting.size() < shortest.size()) {
                shortest = posting;
            }
        }
        return shortest;
    }

    private static String namespaceKey(String namespace) {
        return namespace == null ? "" : namespace;
    }

    /** Label keys cannot contain NUL, so the pair is unambiguous. */
    private static String postingKey(String key, String value) {
        return key + '\0' + value;
    }
}
