package dev.mcpolicy.engine;

import java.util.List;

/**
 * A rule compiled once into a checked plan: every check resolved to its mechanisms with a bound, validated
 * configuration, parameters substituted with their effective values, messages and levels resolved. A value: it
 * holds nothing of a run.
 *
 * @param ruleId the rule's id
 * @param checks its checks, in rule-file order
 */
public record CompiledRule(String ruleId, List<CompiledCheck> checks) {
    public CompiledRule {
        checks = List.copyOf(checks);
    }
}
