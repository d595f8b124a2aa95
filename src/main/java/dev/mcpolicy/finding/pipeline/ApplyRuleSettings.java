package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's rule settings ({@code .mcpolicy.yaml} {@code rules:}, {@code --set-param <rule>.enabled=false} and
 * {@code <rule>.level=…}): findings of disabled rules are dropped, and a rule's level replaces the levels its checks
 * give. Run first, so a disabled rule supersedes nothing.
 */
public final class ApplyRuleSettings implements FindingStep {
    private final Set<String> disabled;
    private final Map<String, Level> levels;

    public ApplyRuleSettings(Set<String> disabled, Map<String, Level> levels) {
        this.disabled = Set.copyOf(disabled);
        this.levels = Map.copyOf(levels);
    }

    @Override
    public String name() {
        return "rule settings";
    }

    @Override
    public List<Finding> apply(List<Finding> findings) {
        return findings.stream()
                .filter(finding -> !disabled.contains(finding.ruleId()))
                .map(finding -> levels.containsKey(finding.ruleId()) ? finding.withLevel(levels.get(finding.ruleId()))
                        : finding)
                .toList();
    }
}
