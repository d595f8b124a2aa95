package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.ChartContext;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Where;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
    public Map<String, FilterKind> filters() {
        return Map.of("type", FilterKind.STRINGS);
    }

    @Override
    public Set<String> placeholders() {
        return Set.of("chart", "file", "chartType");
    }

    @Override
    public boolean yieldsWorkloads() {
        return false;
    }

    @Override
    public boolean yieldsCharts() {
        return true;
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
