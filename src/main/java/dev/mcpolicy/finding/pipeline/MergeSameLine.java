package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One finding per rule and line. GitHub identifies an alert by rule, file and the line's fingerprint, so two
 * findings of one rule on one line (a read and a send timeout both missing under one {@code annotations:} key, a
 * values key that also reaches a container's env) would silently become one alert. The SARIF report merges them
 * here, keeping every message, every environment and the most severe level; every other report shows each finding
 * with its own message.
 */
public final class MergeSameLine implements FindingStep {

    @Override
    public String name() {
        return "same-line merge";
    }

    @Override
    public List<Finding> apply(List<Finding> findings) {
        Map<String, Finding> merged = new LinkedHashMap<>();
        for (Finding finding : findings) {
            String key = finding.ruleId() + '\0' + finding.primary().file() + '\0' + finding.primary().line();
            merged.merge(key, finding, MergeSameLine::combine);
        }
        return new ArrayList<>(merged.values());
    }

    private static Finding combine(Finding first, Finding second) {
        String message = first.message().equals(second.message()) || first.message().contains(second.message())
                ? first.message() : first.message() + " " + second.message();
        List<Finding.RelatedLocation> related = new ArrayList<>(new LinkedHashSet<>(concat(first.related(),
                second.rendered() != null && !second.rendered().equals(first.rendered())
                        ? concat(List.of(new Finding.RelatedLocation(second.rendered(), "also here")), second.related())
                        : second.related())));
        List<String> environments = new ArrayList<>(new LinkedHashSet<>(concat(first.environments(),
                second.environments())));
        Level level = first.level().atLeast(second.level()) ? first.level() : second.level();
        return new Finding(first.ruleId(), level, message, first.primary(), first.rendered(), first.object(),
                first.pointer(), first.helmSource(), related, environments, first.properties(),
                first.certainty(), first.chartHint(), first.check(), first.about());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
