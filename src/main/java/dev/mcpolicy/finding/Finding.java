package dev.mcpolicy.finding;

import java.util.List;
import java.util.Map;

/**
 * One policy violation.
 *
 * @param ruleId      id of the rule that found it
 * @param level       effective level (the rule's default or the user's override)
 * @param message     object and problem first, then the fix; never contains a secret value
 * @param primary     the line the user must edit
 * @param rendered    where the offending node sits in the rendered input (same as primary in
 *                    manifest mode); null for findings in values files
 * @param object      the object the finding is about, null for values-file findings
 * @param pointer     JSON pointer of the offending node inside its document ("" for the whole document)
 * @param helmSource  the document's {@code # Source:} path, or null
 * @param related     further places worth showing (template line, rendered line, the other object)
 * @param environments render environments the finding occurs in (chart mode render matrix), empty otherwise
 * @param properties  extra facts for JSON/SARIF consumers (e.g. secret kind), sorted keys
 * @param mappingHint the part of the rendered value the finding is about, for chart mode's source mapping only;
 *                    null when the rule gives none. Never printed (it may be any value of the input)
 */
public record Finding(String ruleId, Level level, String message, Location primary, Location rendered,
                      ObjectRef object, String pointer, String helmSource, List<RelatedLocation> related,
                      List<String> environments, Map<String, String> properties, MappingHint mappingHint) {
    /**
     * Property naming the kind of object whose absence a finding is about (e.g. PodDisruptionBudget); chart mode
     * then points at the value that switches the chart's template for that kind off.
     */
    public static final String MISSING_KIND = "missingKind";
    /**
     * Property naming further objects a finding is about besides {@code object}, comma-separated as
     * {@code Kind/namespace/name} (e.g. the workloads a PodDisruptionBudget finding concerns).
     */
    public static final String ABOUT = "about";

    public Finding {
        related = List.copyOf(related);
        environments = List.copyOf(environments);
        properties = Map.copyOf(properties);
    }

    /** A finding without a mapping hint. */
    public Finding(String ruleId, Level level, String message, Location primary, Location rendered,
                   ObjectRef object, String pointer, String helmSource, List<RelatedLocation> related,
                   List<String> environments, Map<String, String> properties) {
        this(ruleId, level, message, primary, rendered, object, pointer, helmSource, related, environments,
                properties, null);
    }

    /**
     * The offending part of a rendered value (an image's tag), so chart mode can tell which of several values
     * on one template line to point at. Its text never appears in {@code toString}, reports or logs.
     */
    public record MappingHint(String value) {
        public MappingHint {
            value = value == null ? "" : value;
        }

        @Override
        public String toString() {
            return "MappingHint[…]";
        }
    }

    public record RelatedLocation(Location location, String message) {
    }
}
