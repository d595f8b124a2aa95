package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Location;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chart mode's render matrix: the same rule on the same source place with the same message in several environments
 * is one finding naming every environment, in the order they were declared. The finding of the earliest environment
 * stands for the others (its rendered location and related places are shown).
 */
public final class MergeEnvironments implements FindingStep {
    private final List<String> declaredOrder;

    /** @param declaredOrder the environment names in the order the run declared them */
    public MergeEnvironments(List<String> declaredOrder) {
        this.declaredOrder = List.copyOf(declaredOrder);
    }

    @Override
    public String name() {
        return "environment merge";
    }

    @Override
    public List<Finding> apply(List<Finding> findings) {
        Map<String, Finding> representatives = new LinkedHashMap<>();
        Map<String, Set<String>> environments = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Location at = finding.primary();
            String key = finding.ruleId() + '\0' + at.file() + '\0' + at.line() + '\0' + at.column() + '\0'
                    + finding.message();
            Finding existing = representatives.get(key);
            if (existing == null || rank(finding) < rank(existing)) {
                representatives.put(key, finding);
            }
            environments.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(finding.environments());
        }
        List<Finding> out = new ArrayList<>();
        representatives.forEach((key, finding) -> {
            List<String> names = new ArrayList<>(environments.get(key));
            names.sort(Comparator.comparingInt(this::index));
            out.add(names.equals(finding.environments()) ? finding : finding.withEnvironments(names));
        });
        return out;
    }

    /** Findings outside the matrix first, then by the earliest declared environment they occur in. */
    private int rank(Finding finding) {
        return finding.environments().stream().mapToInt(this::index).min().orElse(-1);
    }

    private int index(String environment) {
        int index = declaredOrder.indexOf(environment);
        return index < 0 ? declaredOrder.size() : index;
    }
}
