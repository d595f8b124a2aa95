package dev.mcpolicy.engine;

import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.secrets.SecretScanner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What mechanisms may consult during one run, plus a memo for indexes they build once per run. */
public final class EvaluationContext {
    private final ResourceGraph graph;
    private final List<ManifestDocument> valuesDocuments;
    private final SecretScanner secretScanner;
    private final ChartContext chart;
    private final RenderGaps gaps;
    private final Map<String, Object> memo = new HashMap<>();

    public EvaluationContext(ResourceGraph graph, List<ManifestDocument> valuesDocuments, SecretScanner secretScanner) {
        this(graph, valuesDocuments, secretScanner, null);
    }

    /** @param chart the chart in chart mode, or null (manifest mode) */
    public EvaluationContext(ResourceGraph graph, List<ManifestDocument> valuesDocuments, SecretScanner secretScanner,
                             ChartContext chart) {
        this(graph, valuesDocuments, secretScanner, chart, RenderGaps.none());
    }

    /** @param gaps documents of the render that could not be read */
    public EvaluationContext(ResourceGraph graph, List<ManifestDocument> valuesDocuments, SecretScanner secretScanner,
                             ChartContext chart, RenderGaps gaps) {
        this.graph = graph;
        this.valuesDocuments = List.copyOf(valuesDocuments);
        this.secretScanner = secretScanner;
        this.chart = chart;
        this.gaps = gaps;
    }

    /** Documents of the render that could not be read; absence violations are withheld while there are any. */
    public RenderGaps gaps() {
        return gaps;
    }

    /** The chart being checked, empty in manifest mode. */
    public Optional<ChartContext> chart() {
        return Optional.ofNullable(chart);
    }

    public ResourceGraph graph() {
        return graph;
    }

    public List<ManifestDocument> valuesDocuments() {
        return valuesDocuments;
    }

    public SecretScanner secretScanner() {
        return secretScanner;
    }

    /** Computes a value once per run under {@code key} (e.g. an index of PDBs by namespace). */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Supplier<T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            memo.put(key, value);
        }
        return (T) value;
    }
}
