package dev.mcpolicy.baseline;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Fingerprints;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.finding.pipeline.FindingStep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline step of the finding pipeline: a finding whose semantic fingerprint the baseline holds is existing,
 * not new, and leaves the findings that count; baseline entries no finding matches are absent. The fingerprint
 * leaves out lines and document order, so moved lines, reordered documents and renamed unrelated objects keep the match.
 */
public final class ApplyBaseline implements FindingStep {
    private final Map<String, BaselineEntry> entries = new LinkedHashMap<>();
    private final List<Finding> unchanged = new ArrayList<>();
    private final List<Suppressions.Absent> absent = new ArrayList<>();

    public ApplyBaseline(List<BaselineEntry> baseline) {
        baseline.forEach(entry -> entries.putIfAbsent(entry.fingerprint(), entry));
    }

    @Override
    public String name() {
        return "baseline";
    }

    /** Findings the baseline holds, in the order they came. */
    public List<Finding> unchanged() {
        return List.copyOf(unchanged);
    }

    /** Baseline entries no finding matched, in the baseline's order. */
    public List<Suppressions.Absent> absent() {
        return List.copyOf(absent);
    }

    @Override
    public List<Finding> apply(List<Finding> findings) {
        unchanged.clear();
        absent.clear();
        Set<String> seen = new HashSet<>();
        List<Finding> fresh = new ArrayList<>();
        for (Finding finding : findings) {
            String fingerprint = Fingerprints.semantic(finding);
            if (entries.containsKey(fingerprint)) {
                seen.add(fingerprint);
                unchanged.add(finding);
            } else {
                fresh.add(finding);
            }
        }
        entries.forEach((fingerprint, entry) -> {
            if (!seen.contains(fingerprint)) {
                absent.add(new Suppressions.Absent(fingerprint, entry.rule(), entry.object(), entry.file(),
                        entry.message()));
            }
        });
        return fresh;
    }
}
