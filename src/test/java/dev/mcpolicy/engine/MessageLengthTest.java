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

    private static List<Finding> run(RuleSet pack, List<ManifestDocument> manifests, List<ManifestDocument> values) {
        return SupersededFindings.fold(new Engine(pack).run(ResourceGraph.build(manifests, "default"), values), pack);
    }

    /**
     * Messages over the limit. The note that a render's MCP servers are only inferred ({@link McpScope}) is left
     * out: it is one fixed sentence about the whole render, which the engine redesign reports apart from messages.
     */
    private static List<String> tooLong(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " (" + length(f) + "): " + f.message())
                .filter(line -> Integer.parseInt(line.substring(line.indexOf('(') + 1, line.indexOf(')'))) > LIMIT)
                .toList();
    }

    private static int length(Finding finding) {
        String message = finding.message();
        return message.endsWith(McpScope.INFERRED_NOTE) ? message.length() - McpScope.INFERRED_NOTE.length()
                : message.length();
    }

    @Test
    void everyRuleExampleWithTheWholePack() throws Exception {
        RuleSet pack = MechanismRegistry.standard().ruleLoader().loadBuiltIn();
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
        RuleSet pack = MechanismRegistry.standard().ruleLoader().loadBuiltIn();
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
        RuleSet pack = MechanismRegistry.standard().ruleLoader().loadBuiltIn();
        List<ManifestDocument> manifests = new ManifestLoader().loadText("busy.yaml", BusyRender.text()).documents();
        List<Finding> findings = run(pack, manifests, List.of());
        assertEquals(List.of(), tooLong(findings));
    }
}
