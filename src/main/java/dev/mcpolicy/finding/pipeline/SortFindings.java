package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Deterministic order: file, line, column, rule id, message (stable, so equal keys keep their order). */
public final class SortFindings implements FindingStep {
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.primary().file())
            .thenComparingInt(f -> f.primary().line())
            .thenComparingInt(f -> f.primary().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    @Override
    public String name() {
        return "sort";
    }

    @Override
    public List<Finding> apply(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        return sorted;
    }
}
