package dev.mcpolicy.finding.pipeline;

import dev.mcpolicy.finding.Finding;

import java.util.List;

/**
 * Everything that happens to findings between the engine and the report, as named steps in order. The app builds
 * the run's pipeline ({@code app.Checker#pipeline}); waivers and a baseline are further steps.
 */
public record FindingPipeline(List<FindingStep> steps) {
    public FindingPipeline {
        steps = List.copyOf(steps);
    }

    public static FindingPipeline of(FindingStep... steps) {
        return new FindingPipeline(List.of(steps));
    }

    public List<Finding> run(List<Finding> findings) {
        List<Finding> current = findings;
        for (FindingStep step : steps) {
            current = step.apply(current);
        }
        return List.copyOf(current);
    }

    public List<String> names() {
        return steps.stream().map(FindingStep::name).toList();
    }
}
