package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.mechanism.ChartContext;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Filter;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Where;

import java.util.List;
import java.util.Map;

/**
 * {@code chart}: the chart of a chart-mode run, as its {@code Chart.yaml} document (paths are relative to it); no
 * target in manifest mode. Filter {@code type} (application, library; unset counts as application). Placeholders:
 * {@code chart} (its name), {@code file} (Chart.yaml as shown), {@code chartType}; {@code object} reads
 * {@code Chart <name>}.
 */
public final class ChartSelector implements Selector {

    @Override
    public String name() {
        return "chart";
    }

    @Override
    public TargetKind yields() {
        return TargetKind.CHART;
    }

    @Override
    public Map<String, Filter> filters() {
        return Map.of("type", Filter.strings("the chart's type: application or library (unset counts as application)", "application"));
    }

    @Override
    public Map<String, String> placeholders() {
        return Facts.ordered("chart", "the chart's name", "file", "Chart.yaml as shown",
                "chartType", "application or library");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("The chart of a chart-mode run, as its Chart.yaml document; checked once per chart"
                + " however many environments render it, and never in manifest mode.",
                "target: chart\nwhere: {type: [application]}");
    }



    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        if (context.chart().isEmpty()) {
            return List.of();
        }
        ChartContext chart = context.chart().get();
        if (!where.allows("type", chart.type())) {
            return List.of();
        }
        String file = chart.chartYaml().file();
        return List.of(new Target(chart.chartYaml(), null, null, "", chart.chartYaml().content(), Map.of(
                "object", "Chart " + chart.name(),
                "kind", "Chart",
                "name", chart.name(),
                "chart", chart.name(),
                "file", file,
                "chartType", chart.type())));
    }
}
