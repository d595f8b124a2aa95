package dev.mcpolicy.baseline;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Fingerprints;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.secrets.TextMasking;

/**
 * One accepted finding of a baseline. Only {@code fingerprint} is matched; the rest is there for the reviewer.
 *
 * @param object {@code Kind/name} ({@code Kind/namespace/name} when namespaced), or null for values-file findings
 */
public record BaselineEntry(String fingerprint, String rule, String object, String file, String message) {
    public BaselineEntry {
        message = message == null ? null : TextMasking.mask(message);
    }

    public static BaselineEntry of(Finding finding) {
        return new BaselineEntry(Fingerprints.semantic(finding), finding.ruleId(), describe(finding.object()),
                finding.primary().file(), finding.message());
    }

    static String describe(ObjectRef object) {
        if (object == null) {
            return null;
        }
        return object.namespace() == null ? object.display()
                : object.kind() + "/" + object.namespace() + "/" + object.name();
    }
}
