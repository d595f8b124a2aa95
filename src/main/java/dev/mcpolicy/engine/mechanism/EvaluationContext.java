package dev.mcpolicy.engine.mechanism;

import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.secrets.SecretScanner;

import java.util.List;
import java.util.Optional;

/** What mechanisms may consult during one run: the render's graph and facts, the values documents, the chart. */
public final class EvaluationContext {
    private final ResourceGraph graph;
    private final List<ManifestDocument> valuesDocuments;
    private final SecretScanner secretScanner;
    private final ChartContext chart;
    private final RenderFacts facts;
    private final RenderGaps gaps;

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
        this.gaps = gaps;
        this.graph = graph;
        this.valuesDocuments = List.copyOf(valuesDocuments);
        this.secretScanner = secretScanner;
        this.chart = chart;
        this.facts = new RenderFacts(this.valuesDocuments, secretScanner);
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

    /** Facts about this render that need more than the graph (values files, session state, …). */
    public RenderFacts facts() {
        return facts;
    }
}
