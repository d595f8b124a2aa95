package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleSet;
import dev.mcpolicy.rules.Supersession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One cause, one finding: applies the rules' {@code supersededBy}. A finding of a rule that names superseding rules
 * ({@code rule-id}) or checks ({@code rule-id/check-id}) is dropped when one of them reports the object it is about (its own object, or one that its
 * {@link Finding#ABOUT} property names); the superseding finding then carries the dropped rule's note, the place it
 * would have been reported (a related location), the higher of both levels and the property {@code folded}.
 *
 * <p>A self-contained step over the findings of one render, run after chart mode has moved them to their source
 * lines (so the folded place is a template or values line too) and before environments and same-line findings are
 * merged; {@code Checker} and {@code ChartRun} call it.
 */
public final class SupersededFindings {
    static final String FOLDED = "folded";
    /** Property naming the check of a rule that produced a finding, when the check has an {@code id}. */
    public static final String CHECK = "check";

    private SupersededFindings() {
    }

    public static List<Finding> fold(List<Finding> findings, RuleSet rules) {
        Map<String, Integer> supersedingBySubject = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding.object() != null) {
                supersedingBySubject.putIfAbsent(finding.ruleId() + '\u0000' + key(finding.object()), i);
                String check = finding.properties().get(CHECK);
                if (check != null) {
                    supersedingBySubject.putIfAbsent(finding.ruleId() + "/" + check + '\u0000' + key(finding.object()), i);
                }
            }
        }
        List<Finding> out = new ArrayList<>(findings);
        Map<Integer, List<Finding>> foldedInto = new HashMap<>();
        Set<Integer> dropped = new TreeSet<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            Supersession supersession = rules.byId(finding.ruleId()).map(RuleDefinition::supersededBy)
                    .orElse(Supersession.NONE);
            Integer into = supersession.isEmpty() ? null : superseding(finding, supersession, supersedingBySubject);
            if (into != null) {
                dropped.add(i);
                foldedInto.computeIfAbsent(into, k -> new ArrayList<>()).add(finding);
            }
        }
        foldedInto.forEach((index, folded) -> out.set(index, withFolded(findings.get(index), folded, rules)));
        List<Finding> kept = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (!dropped.contains(i)) {
                kept.add(out.get(i));
            }
        }
        return kept;
    }

    private static Integer superseding(Finding finding, Supersession supersession, Map<String, Integer> bySubject) {
        for (String subject : subjects(finding)) {
            for (String rule : supersession.rules()) {
                Integer index = bySubject.get(rule + '\u0000' + subject);
                if (index != null) {
                    return index;
                }
            }
        }
        return null;
    }

    /** The object a finding is about and the objects its {@code about} property names. */
    private static Set<String> subjects(Finding finding) {
        Set<String> subjects = new LinkedHashSet<>();
        if (finding.object() != null) {
            subjects.add(key(finding.object()));
        }
        String about = finding.properties().get(Finding.ABOUT);
        if (about != null) {
            for (String subject : about.split(",")) {
                if (!subject.isBlank()) {
                    subjects.add(subject.strip());
                }
            }
        }
        return subjects;
    }

    /** {@code Kind/namespace/name}, the form of {@link Finding#ABOUT}; the namespace is empty when cluster-scoped. */
    public static String key(ObjectRef object) {
        return object.kind() + "/" + (object.namespace() == null ? "" : object.namespace()) + "/" + object.name();
    }

    private static Finding withFolded(Finding into, List<Finding> folded, RuleSet rules) {
        Level level = into.level();
        StringBuilder notes = new StringBuilder();
        Set<String> foldedRules = new TreeSet<>();
        List<Finding.RelatedLocation> related = new ArrayList<>(into.related());
        for (Finding finding : folded) {
            level = finding.level().compareTo(level) < 0 ? finding.level() : level;
            String note = rules.byId(finding.ruleId()).map(r -> r.supersededBy().note()).orElse(null);
            if (note != null && foldedRules.add(finding.ruleId())) {
                notes.append(' ').append(note);
            }
            foldedRules.add(finding.ruleId());
            related.add(new Finding.RelatedLocation(finding.primary(), finding.ruleId() + ", folded into this finding"));
        }
        String message = into.message();
        int inferred = message.endsWith(McpScope.INFERRED_NOTE) ? message.length() - McpScope.INFERRED_NOTE.length() : -1;
        message = inferred < 0 ? message + notes : message.substring(0, inferred) + notes + McpScope.INFERRED_NOTE;
        Map<String, String> properties = new HashMap<>(into.properties());
        properties.put(FOLDED, String.join(",", foldedRules));
        return new Finding(into.ruleId(), level, message, into.primary(), into.rendered(), into.object(),
                into.pointer(), into.helmSource(), related, into.environments(), properties, into.mappingHint());
    }
}
