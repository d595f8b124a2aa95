package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.pipeline.FoldSuperseded;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;

import java.util.List;

/**
 * For tests: the findings of one render as a check run reports them up to the fold, the engine's findings with the
 * superseded ones folded into their root cause (the pipeline's {@link FoldSuperseded} step).
 */
public final class SingleRender {
    private SingleRender() {
    }

    public static List<Finding> folded(Engine engine, List<Finding> findings) {
        return new FoldSuperseded(engine.supersessions(), finding -> finding.rendered() == null ? null : "render")
                .apply(findings);
    }

    public static List<Finding> run(Engine engine, List<ManifestDocument> documents, String namespace) {
        return folded(engine, engine.run(ResourceGraph.build(documents, namespace), List.of()));
    }
}
