package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Findings speak to a busy reviewer: no message longer than {@link #LIMIT} characters, on every rule example run
 * with the whole pack, on the committed example renders, and on a busy render shaped like real charts (many pod
 * labels, many ports, an Ingress to many MCP servers, budgets that miss). Lists in messages are capped
 * ("… and 9 more").
 */
class MessageLengthTest {
    static final int LIMIT = 400;

    /** The findings as a run reports them up to the fold, so a superseding message carries its folded notes. */
    private static List<Finding> run(RuleSet pack, List<ManifestDocument> manifests, List<ManifestDocument> values) {
        Engine engine = new Engine(pack);
        return SingleRender.folded(engine, engine.run(ResourceGraph.build(manifests, "default"), values));
    }

    /**
     * Messages over the limit. That a render's MCP servers are only inferred is no part of any message: it is the
     * finding's certainty, which reports explain once.
     */
    private static List<String> tooLong(List<Finding> findings) {
        return findings.stream().filter(f -> f.message().length() > LIMIT)
                .map(f -> f.ruleId() + " (" + f.message().length() + "): " + f.message())
                .toList();
    }

    @Test
    void everyRuleExampleWithTheWholePack() throws Exception {
        RuleSet pack = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        List<String> tooLong = new ArrayList<>();
        for (RuleDefinition rule : pack.rules()) {
            for (RuleDefinition.RuleExample example : rule.examples()) {
                List<ManifestDocument> manifests = RuleExamplesTest.load("rules/" + rule.id() + ".yaml", example.manifests());
                List<ManifestDocument> values = example.values() == null ? List.of()
                        : RuleExamplesTest.load("rules/" + rule.id() + ".yaml#values", example.values());
                tooLong.addAll(tooLong(run(pack, manifests, values)));
            }
        }
        assertEquals(List.of(), tooLong);
    }

    @Test
    void theCommittedExampleRenders() throws Exception {
        RuleSet pack = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        ManifestLoader loader = new ManifestLoader();
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> renders = Files.list(Path.of("examples/rendered"))) {
            for (Path render : renders.sorted().toList()) {
                tooLong.addAll(tooLong(run(pack, loader.loadFile(render, render.toString()).documents(), List.of())));
            }
        }
        List<ManifestDocument> values = loader.loadFile(Path.of("examples/broken/values-leaky.yaml"), "values").documents();
        tooLong.addAll(tooLong(run(pack, loader.loadFile(Path.of("examples/broken/rendered.yaml"), "broken").documents(),
                values)));
        assertEquals(List.of(), tooLong);
    }

    @Test
    void aBusyRenderShapedLikeRealCharts() throws Exception {
        RuleSet pack = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        List<ManifestDocument> manifests = new ManifestLoader().loadText("busy.yaml", BusyRender.text()).documents();
        List<Finding> findings = run(pack, manifests, List.of());
        assertEquals(List.of(), tooLong(findings));
    }
}
