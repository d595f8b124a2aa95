package dev.mcpolicy.engine.mechanism;

import dev.mcpolicy.manifest.ManifestDocument;

import java.util.List;

/**
 * The chart a chart-mode run checks, for chart-level rules ({@code target: chart}); the app reads it from disk.
 *
 * @param name       the chart's name as Chart.yaml gives it
 * @param chartYaml  {@code Chart.yaml} loaded with exact positions, so findings land on its lines
 * @param rootFiles  names of the entries at the chart root, sorted; folders end with {@code /}
 */
public record ChartContext(String name, ManifestDocument chartYaml, List<String> rootFiles) {
    public ChartContext {
        rootFiles = rootFiles.stream().sorted().toList();
    }

    /** {@code type} from Chart.yaml; helm treats a chart without one as an application chart. */
    public String type() {
        String type = chartYaml.content().path("type").asText("");
        return type.isBlank() ? "application" : type;
    }

    public boolean hasRootEntry(String name) {
        return rootFiles.contains(name);
    }
}
