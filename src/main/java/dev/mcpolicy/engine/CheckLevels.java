package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Level;

import java.util.Map;

/**
 * The level of one check's findings: the check's {@code level} (else the rule's), overridden per violation kind by
 * {@code levels} ({@code levels: {number-not-declared: warning}}). One rule can so report a broken reference as an
 * error and a weaker signal of the same policy as a warning.
 */
public record CheckLevels(Level checkLevel, Map<String, Level> byKind) {
    public CheckLevels {
        byKind = Map.copyOf(byKind);
    }

    public Level of(String violationKind) {
        return byKind.getOrDefault(violationKind, checkLevel);
    }
}
