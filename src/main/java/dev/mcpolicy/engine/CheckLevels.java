package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.HashMap;
import java.util.Map;

/**
 * The level of one check's findings: the check's {@code level} (else the rule's), overridden per violation kind by
 * {@code levels} ({@code levels: {number-not-declared: warning}}). One rule can so report a broken reference as an
 * error and a weaker signal of the same policy as a warning.
 */
record CheckLevels(Level checkLevel, Map<String, Level> byKind) {

    static CheckLevels of(RuleDefinition rule, JsonNode check) {
        Level checkLevel = check.path("level").isTextual() ? Level.parse(check.path("level").asText()) : rule.level();
        Map<String, Level> byKind = new HashMap<>();
        check.path("levels").fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                byKind.put(entry.getKey(), Level.parse(entry.getValue().asText()));
            }
        });
        return new CheckLevels(checkLevel, Map.copyOf(byKind));
    }

    Level of(String violationKind) {
        return byKind.getOrDefault(violationKind, checkLevel);
    }
}
