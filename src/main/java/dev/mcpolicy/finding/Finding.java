package dev.mcpolicy.finding;

import dev.mcpolicy.secrets.TextMasking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy violation.
 *
 * @param ruleId       id of the rule that found it
 * @param level        effective level (the rule's default or the user's override)
 * @param message      object and problem first, then the fix; never contains a secret value (masked when made)
 * @param primary      the line the user must edit
 * @param rendered     where the offending node sits in the rendered input (same as primary in
 *                     manifest mode); null for findings in values files
 * @param object       the object the finding is about, null for values-file findings
 * @param pointer      JSON pointer of the offending node inside its document ("" for the whole document), masked
 *                     like the message
 * @param helmSource   the document's {@code # Source:} path, or null
 * @param related      further places worth showing (template line, rendered line, the other object)
 * @param environments render environments the finding occurs in (chart mode render matrix), empty otherwise
 * @param properties   extra facts for JSON/SARIF consumers (e.g. secret kind), sorted keys
 * @param certainty    whether the MCP server the finding judges is one for sure or only inferred
 * @param chartHint    what chart mode's source mapping needs beyond the pointer; {@link ChartHint#NONE} for most
 * @param check        the id of the rule's check that found it, when the check has one ({@code too-few-replicas});
 *                     null otherwise
 * @param about        further objects the finding is about besides {@code object} (the workloads a
 *                     PodDisruptionBudget finding concerns), so that a finding on one of them can supersede it
 */
public record Finding(String ruleId, Level level, String message, Location primary, Location rendered,
                      ObjectRef object, String pointer, String helmSource, List<RelatedLocation> related,
                      List<String> environments, Map<String, String> properties, Certainty certainty,
                      ChartHint chartHint, String check, List<ObjectRef> about) {
    public Finding {
        message = TextMasking.mask(message);
        pointer = TextMasking.mask(pointer); // a key may be the secret (a token pasted as a ConfigMap key)
        related = List.copyOf(related);
        environments = List.copyOf(environments);
        properties = Map.copyOf(masked(properties));
        certainty = certainty == null ? Certainty.CERTAIN : certainty;
        chartHint = chartHint == null ? ChartHint.NONE : chartHint;
        about = about == null ? List.of() : List.copyOf(about);
    }

    private static Map<String, String> masked(Map<String, String> properties) {
        Map<String, String> out = new LinkedHashMap<>();
        properties.forEach((key, value) -> out.put(key, TextMasking.mask(value)));
        return out;
    }

    /** A certain finding without a chart hint, of a check without id, about its object only. */
    public Finding(String ruleId, Level level, String message, Location primary, Location rendered,
                   ObjectRef object, String pointer, String helmSource, List<RelatedLocation> related,
                   List<String> environments, Map<String, String> properties) {
        this(ruleId, level, message, primary, rendered, object, pointer, helmSource, related, environments,
                properties, Certainty.CERTAIN, ChartHint.NONE);
    }

    /** A finding of a check without id, about its object only. */
    public Finding(String ruleId, Level level, String message, Location primary, Location rendered,
                   ObjectRef object, String pointer, String helmSource, List<RelatedLocation> related,
                   List<String> environments, Map<String, String> properties, Certainty certainty,
                   ChartHint chartHint) {
        this(ruleId, level, message, primary, rendered, object, pointer, helmSource, related, environments,
                properties, certainty, chartHint, null, List.of());
    }

    public Finding withLevel(Level newLevel) {
        return new Finding(ruleId, newLevel, message, primary, rendered, object, pointer, helmSource, related,
                environments, properties, certainty, chartHint, check, about);
    }

    public Finding withMessage(String newMessage) {
        return new Finding(ruleId, level, newMessage, primary, rendered, object, pointer, helmSource, related,
                environments, properties, certainty, chartHint, check, about);
    }

    /** Moved to {@code newPrimary}, the place it was found becoming {@code newRendered}. */
    public Finding withLocations(Location newPrimary, Location newRendered) {
        return new Finding(ruleId, level, message, newPrimary, newRendered, object, pointer, helmSource, related,
                environments, properties, certainty, chartHint, check, about);
    }

    public Finding withRelated(List<RelatedLocation> newRelated) {
        return new Finding(ruleId, level, message, primary, rendered, object, pointer, helmSource, newRelated,
                environments, properties, certainty, chartHint, check, about);
    }

    public Finding withEnvironments(List<String> newEnvironments) {
        return new Finding(ruleId, level, message, primary, rendered, object, pointer, helmSource, related,
                newEnvironments, properties, certainty, chartHint, check, about);
    }

    public Finding withProperties(Map<String, String> newProperties) {
        return new Finding(ruleId, level, message, primary, rendered, object, pointer, helmSource, related,
                environments, newProperties, certainty, chartHint, check, about);
    }

    public Finding withCertainty(Certainty newCertainty) {
        return new Finding(ruleId, level, message, primary, rendered, object, pointer, helmSource, related,
                environments, properties, newCertainty, chartHint, check, about);
    }

    public Finding withChartHint(ChartHint newHint) {
        return new Finding(ruleId, level, message, primary, rendered, object, pointer, helmSource, related,
                environments, properties, certainty, newHint, check, about);
    }

    public Finding withCheck(String newCheck) {
        return new Finding(ruleId, level, message, primary, rendered, object, pointer, helmSource, related,
                environments, properties, certainty, chartHint, newCheck, about);
    }

    public Finding withAbout(List<ObjectRef> newAbout) {
        return new Finding(ruleId, level, message, primary, rendered, object, pointer, helmSource, related,
                environments, properties, certainty, chartHint, check, newAbout);
    }

    public record RelatedLocation(Location location, String message) {
        public RelatedLocation {
            message = TextMasking.mask(message);
        }
    }
}
