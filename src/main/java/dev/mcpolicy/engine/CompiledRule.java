package dev.mcpolicy.engine;

import dev.mcpolicy.finding.pipeline.FoldSuperseded;

import java.util.List;

/**
 * A rule compiled once into a checked plan: every check resolved to its mechanisms with a bound, validated
 * configuration, parameters substituted with their effective values, messages and levels resolved. A value: it
 * holds nothing of a run.
 *
 * @param ruleId       the rule's id
 * @param checks       its checks, in rule-file order
 * @param supersededBy the rules or checks whose finding on the same object supersedes this rule's (the pipeline's
 *                     {@link FoldSuperseded} step), or null when the rule names none
 */
public record CompiledRule(String ruleId, List<CompiledCheck> checks, FoldSuperseded.Superseded supersededBy) {
    public CompiledRule {
        checks = List.copyOf(checks);
    }

    public CompiledRule(String ruleId, List<CompiledCheck> checks) {
        this(ruleId, checks, null);
    }
}
