package dev.mcpolicy.config;

import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;

import java.util.Map;

/**
 * What the config file says about one rule.
 *
 * @param enabled     null when not set
 * @param level       null when not set
 * @param parameters  parameter name → value as text (lists comma-separated), as {@code --set-param} takes them
 * @param at          where the rule id is written
 * @param parameterAt where each parameter name is written
 */
public record RuleSettings(String rule, Boolean enabled, Level level, Map<String, String> parameters, Location at,
                           Map<String, Location> parameterAt) {
    public RuleSettings {
        parameters = Map.copyOf(parameters);
        parameterAt = Map.copyOf(parameterAt);
    }
}
