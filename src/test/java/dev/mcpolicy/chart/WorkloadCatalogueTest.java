package dev.mcpolicy.chart;

import dev.mcpolicy.engine.Engine;
import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.engine.SingleRender;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The workload rules on the example charts: the broken chart's {@code catalogue-workloads-*} templates, rendered by
 * the real helm, raise exactly the planted findings on exactly the planted objects; the good chart's committed
 * renders raise no workload finding beyond the two staging choices its README names.
 */
class WorkloadCatalogueTest {
    private static final Set<String> WORKLOAD_RULES = Set.of("container-probes", "probe-port", "container-resources", "image-pinned",
            "image-reference", "image-pull-policy", "replica-count", "pdb-allows-eviction", "hpa-min-replicas",
            "hpa-scale-down-rate", "hpa-target-exists", "hpa-memory-metric", "prestop-within-grace",
            "rolling-update-no-drop", "session-affinity");

    @Test
    void everyPlantedProblemIsReportedOnItsObjectAndNothingElse() throws Exception {
        Path chart = Path.of("examples/broken/chart").toAbsolutePath();
        RenderResult render = RealHelm.render(new RenderRequest("mcp-stack", chart, "mcp",
                new Environment("default", List.of(Path.of("examples/broken/values-leaky.yaml").toAbsolutePath())),
                List.of(), List.of(), null, List.of()));
        List<Finding> findings = run(new ManifestLoader().loadText("rendered.yaml", render.text()).documents());
        Set<String> catalogue = findings.stream()
                .filter(f -> f.object() != null && f.object().name().contains("-cat-"))
                .map(f -> f.ruleId() + " " + f.object().kind() + "/" + f.object().name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of(
                "probe-port Deployment/mcp-stack-cat-probes",
                "container-probes Deployment/mcp-stack-cat-probes",
                "image-pinned Deployment/mcp-stack-cat-image",
                "image-reference Deployment/mcp-stack-cat-image",
                "replica-count Deployment/mcp-stack-cat-single",
                "prestop-within-grace Deployment/mcp-stack-cat-prestop",
                "rolling-update-no-drop Deployment/mcp-stack-cat-rollout",
                "pdb-allows-eviction PodDisruptionBudget/mcp-stack-cat-eviction",
                "container-resources Deployment/mcp-stack-cat-unsized",
                "image-pull-policy Deployment/mcp-stack-cat-pull",
                "replica-count Deployment/mcp-stack-cat-sse",
                "session-affinity Service/mcp-stack-cat-sse",
                "hpa-min-replicas HorizontalPodAutoscaler/mcp-stack-cat-sse",
                "hpa-scale-down-rate HorizontalPodAutoscaler/mcp-stack-cat-sse",
                "hpa-memory-metric HorizontalPodAutoscaler/mcp-stack-cat-sse",
                "hpa-target-exists HorizontalPodAutoscaler/mcp-stack-cat-orphan")), catalogue);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "staging", "production"})
    void goodRendersRaiseOnlyTheStagingChoicesTheReadmeNames(String environment) throws Exception {
        Path render = Path.of("examples/rendered/" + environment + ".yaml");
        List<Finding> findings = run(new ManifestLoader().loadFile(render, render.toString()).documents());
        assertEquals(List.of(), findings.stream().filter(f -> f.level() == Level.ERROR).map(Finding::message).toList());
        List<String> workload = findings.stream().filter(f -> WORKLOAD_RULES.contains(f.ruleId()))
                .map(f -> f.ruleId() + " " + f.level()).sorted().toList();
        // staging's single replica under a minAvailable: 1 budget is one cause: replica-count, the budget folded in
        assertEquals(environment.equals("staging") ? List.of("replica-count WARNING") : List.of(), workload);
    }

    private static List<Finding> run(List<ManifestDocument> documents) throws Exception {
        RuleSet pack = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        return SingleRender.run(new Engine(pack), documents, "mcp");
    }
}
