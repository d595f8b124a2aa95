package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigProblems;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Violation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code chart-file-exists}: the chart root holds {@code file} (a folder when it ends with {@code /}). A missing file
 * is reported on the whole Chart.yaml document (its first line, mapping {@code document}).
 */
public final class ChartFileAssertion implements Assertion<ChartFileAssertion.Config> {

    /** The entry looked for. */
    public record Config(
            @JsonPropertyDescription("one entry at the chart root, such as .helmignore or templates/ (a folder ends with /)") String file) {
    }

    @Override
    public String name() {
        return "chart-file-exists";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return EnumSet.of(TargetKind.CHART);
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("entry", "the name looked for");
    }

    @Override
    public Map<String, String> violationKinds() {
        return Map.of();
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("The chart root holds `file` (a folder when it ends with `/`); a missing one is"
                + " reported on the first line of Chart.yaml.", "target: chart\nassert:\n  chart-file-exists: {file: .helmignore}");
    }

    @Override
    public void validate(Config config, TargetKind target, ConfigProblems problems) {
        String file = config.file() == null ? "" : config.file();
        if (file.isEmpty() || file.substring(0, file.length() - (file.endsWith("/") ? 1 : 0)).contains("/")) {
            problems.add("file", "must name one entry at the chart root, such as .helmignore or templates/");
        }
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        boolean present = context.chart().map(chart -> chart.hasRootEntry(config.file())).orElse(true);
        return present ? List.of() : List.of(Violation.of(Violation.DEFAULT, "", Map.of("entry", config.file())));
    }
}
