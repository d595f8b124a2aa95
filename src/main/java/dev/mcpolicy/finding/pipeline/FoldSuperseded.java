package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.ObjectRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One cause, one finding: applies the rules' {@code supersededBy}. A finding of a rule that names superseding rules
 * ({@code rule-id}) or checks ({@code rule-id/check-id}) is dropped when one of them reports, in the same render, the
 * object it is about (its own object, or one of its {@link Finding#about()} objects); the superseding finding then
 * carries the dropped rule's note, the place the dropped finding had (a related location), the higher of both levels
 * and the property {@code folded} (the folded rule ids).
 *
 * <p>Placed after chart mapping, so the folded place is a template or values line too, and before the environment
 * merge, so each environment's render folds on its own and the merge then joins equal results. Findings of different
 * renders never fold together: two files that define the same object are separate renders.
 */
public final class FoldSuperseded implements FindingStep {
    /** Property of a superseding finding: the ids of the rules folded into it, comma-separated. */
    public static final String FOLDED = "folded";

    private final Map<String, Superseded> byRule;
    private final Function<Finding, Object> renderOf;

    /**
     * @param byRule   each superseded rule's compiled {@code supersededBy}, by rule id
     * @param renderOf the render a finding was found in (any value that is equal for findings of one render); null
     *                 for a finding that belongs to no render (a values-file finding), which never folds
     */
    public FoldSuperseded(Map<String, Superseded> byRule, Function<Finding, Object> renderOf) {
        this.byRule = Map.copyOf(byRule);
        this.renderOf = renderOf;
    }

    /** What reports a finding: a rule, or one check of it ({@code checkId} null: any check of the rule). */
    public record Source(String ruleId, String checkId) {
        public Source {
            Objects.requireNonNull(ruleId);
        }

        /** {@code rule-id} or {@code rule-id/check-id}, as {@code supersededBy.rules} writes it. */
        public static Source parse(String reference) {
            int slash = reference.indexOf('/');
            return slash < 0 ? new Source(reference, null)
                    : new Source(reference.substring(0, slash), reference.substring(slash + 1));
        }

        @Override
        public String toString() {
            return checkId == null ? ruleId : ruleId + "/" + checkId;
        }
    }

    /**
     * A rule's {@code supersededBy}, compiled.
     *
     * @param by   the sources whose finding on the same object supersedes the rule's
     * @param note the sentence the superseding finding's message gets, so what the rule would have said is not lost;
     *             null for none
     */
    public record Superseded(List<Source> by, String note) {
        public Superseded {
            by = List.copyOf(by);
        }
    }

    @Override
    public String name() {
        return "fold superseded";
    }

    @Override
    public List<Finding> apply(List<Finding> findings) {
        if (byRule.isEmpty()) {
            return findings;
        }
        Map<Subject, Integer> superseding = new HashMap<>();
        List<Object> renders = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            Object render = finding.object() == null ? null : renderOf.apply(finding);
            renders.add(render);
            if (render != null) {
                superseding.putIfAbsent(new Subject(render, new Source(finding.ruleId(), null), finding.object()), i);
                if (finding.check() != null) {
                    superseding.putIfAbsent(new Subject(render, new Source(finding.ruleId(), finding.check()),
                            finding.object()), i);
                }
            }
        }
        Map<Integer, List<Finding>> foldedInto = new HashMap<>();
        Set<Integer> dropped = new HashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            Superseded superseded = byRule.get(findings.get(i).ruleId());
            Object render = renders.get(i);
            if (superseded != null && render != null) {
                Integer into = supersedingOf(findings.get(i), render, superseded, superseding);
                if (into != null && into != i) {
                    foldedInto.computeIfAbsent(into, k -> new ArrayList<>()).add(findings.get(i));
                    dropped.add(i);
                }
            }
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            List<Finding> folded = foldedInto.get(i);
            if (folded != null) {
                out.add(withFolded(findings.get(i), folded));
            } else if (!dropped.contains(i)) {
                out.add(findings.get(i));
            }
        }
        return out;
    }

    private static Integer supersedingOf(Finding finding, Object render, Superseded superseded,
                                         Map<Subject, Integer> superseding) {
        Set<ObjectRef> subjects = new LinkedHashSet<>();
        subjects.add(finding.object());
        subjects.addAll(finding.about());
        for (ObjectRef subject : subjects) {
            for (Source source : superseded.by()) {
                Integer index = superseding.get(new Subject(render, source, subject));
                if (index != null) {
                    return index;
                }
            }
        }
        return null;
    }

    private Finding withFolded(Finding into, List<Finding> folded) {
        Level level = into.level();
        StringBuilder message = new StringBuilder(into.message());
        Set<String> foldedRules = new TreeSet<>();
        List<Finding.RelatedLocation> related = new ArrayList<>(into.related());
        for (Finding finding : folded) {
            level = finding.level().atLeast(level) ? finding.level() : level;
            String note = byRule.get(finding.ruleId()).note();
            if (foldedRules.add(finding.ruleId()) && note != null) {
                message.append(' ').append(note);
            }
            related.add(new Finding.RelatedLocation(finding.primary(), finding.ruleId() + ", folded into this finding"));
        }
        Map<String, String> properties = new LinkedHashMap<>(into.properties());
        properties.put(FOLDED, String.join(",", foldedRules));
        return into.withLevel(level).withMessage(message.toString()).withRelated(related).withProperties(properties);
    }

    /** A finding's source and object, within one render. */
    private record Subject(Object render, Source source, ObjectRef object) {
    }
}
