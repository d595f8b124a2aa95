package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The rules of one run, ordered by id, with parameter overrides already applied to their defaults. */
public final class RuleSet {
    private final Map<String, RuleDefinition> byId;

    /** @throws IllegalArgumentException when two rules share an id */
    public RuleSet(Collection<RuleDefinition> rules) {
        Map<String, RuleDefinition> sorted = new TreeMap<>();
        for (RuleDefinition rule : rules) {
            RuleDefinition previous = sorted.put(rule.id(), rule);
            if (previous != null) {
                throw new IllegalArgumentException("rule id " + rule.id() + " is defined twice: in "
                        + previous.sourceFile() + " and in " + rule.sourceFile());
            }
        }
        this.byId = new LinkedHashMap<>(sorted);
    }

    public List<RuleDefinition> rules() {
        return List.copyOf(byId.values());
    }

    public Optional<RuleDefinition> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    /**
     * Applies {@code ruleId.param=value} overrides (keys {@code ruleId.param}), parsing each value with the
     * parameter's type.
     *
     * @throws IllegalArgumentException naming the override when the rule, the parameter or the value is wrong
     */
    public RuleSet withOverrides(Map<String, String> overrides) {
        Map<String, RuleDefinition> updated = new TreeMap<>(byId);
        for (Map.Entry<String, String> override : new TreeMap<>(overrides).entrySet()) {
            String key = override.getKey();
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new IllegalArgumentException("parameter override '" + key + "' must look like rule-id.parameter=value");
            }
            String ruleId = key.substring(0, dot);
            String name = key.substring(dot + 1);
            RuleDefinition rule = updated.get(ruleId);
            if (rule == null) {
                throw new IllegalArgumentException("parameter override '" + key + "': no rule " + ruleId);
            }
            RuleDefinition.Parameter parameter = rule.parameters().stream()
                    .filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("parameter override '" + key + "': rule " + ruleId
                            + " has no parameter " + name + knownParameters(rule)));
            JsonNode value;
            try {
                value = ParameterTypes.parse(parameter.type(), override.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter override '" + key + "': " + e.getMessage());
            }
            updated.put(ruleId, withParameter(rule, new RuleDefinition.Parameter(name, parameter.type(), value,
                    parameter.description())));
        }
        return new RuleSet(updated.values());
    }

    private static String knownParameters(RuleDefinition rule) {
        if (rule.parameters().isEmpty()) {
            return " (it has none)";
        }
        return " (it has " + String.join(", ", rule.parameters().stream().map(RuleDefinition.Parameter::name).toList()) + ")";
    }

    private static RuleDefinition withParameter(RuleDefinition rule, RuleDefinition.Parameter replacement) {
        List<RuleDefinition.Parameter> parameters = new ArrayList<>();
        for (RuleDefinition.Parameter p : rule.parameters()) {
            parameters.add(p.name().equals(replacement.name()) ? replacement : p);
        }
        return new RuleDefinition(rule.id(), rule.name(), rule.title(), rule.level(), rule.tags(), rule.precision(),
                rule.securitySeverity(), rule.rationale(), rule.help(), parameters, rule.check(), rule.examples(),
                rule.sourceFile(), rule.supersededBy(), rule.helpUri(), rule.pack());
    }
}
