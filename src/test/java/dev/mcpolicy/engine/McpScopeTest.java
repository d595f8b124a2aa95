package dev.mcpolicy.engine;

import dev.mcpolicy.finding.Certainty;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.pipeline.LowerInferredErrors;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code scope: mcp-server} checks mark their findings inferred on renders whose MCP servers are only inferred. */
class McpScopeTest {

    private static final String UNMARKED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
            """;

    private static List<Finding> findings(String manifests) throws Exception {
        RuleSet rules = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        var documents = new ManifestLoader().loadText("in.yaml", manifests).documents();
        return new Engine(rules).run(ResourceGraph.build(documents, "default"), List.of());
    }

    @Test
    void inferredServersGetInferredFindingsThatThePipelineLowersToWarnings() throws Exception {
        List<Finding> findings = findings(UNMARKED);
        Finding grace = findings.stream().filter(f -> f.ruleId().equals("termination-grace-period")).findFirst()
                .orElseThrow();
        assertEquals(Certainty.INFERRED, grace.certainty());
        assertEquals(Level.ERROR, grace.level());
        assertFalse(grace.message().contains("MCP marker"), "the explanation is the report's, not each message's");
        List<Finding> lowered = new LowerInferredErrors().apply(findings);
        assertEquals(Level.WARNING, lowered.get(findings.indexOf(grace)).level());
        assertFalse(lowered.stream().anyMatch(f -> f.level() == Level.ERROR && f.certainty() == Certainty.INFERRED));
    }

    @Test
    void onlyTheRuleFileSaysWhetherACheckIsMcpScoped() throws Exception {
        String rule = """
                id: custom
                title: t
                level: error
                tags: [x]
                precision: high
                rationale: r
                help: h
                check:
                  - target: mcp-servers
                    where: {longRunning: true}
                    assert: {value: {path: /spec/replicas, required: true}}
                    message: "{object} unscoped"
                  - target: workloads
                    scope: mcp-server
                    assert: {value: {path: /spec/replicas, required: true}}
                    message: "{object} scoped"
                examples: [{name: e, expect: pass, manifests: ""}]
                """;
        RuleSet rules = new RuleSet(List.of(RuleCompiler.standard().ruleLoader().parse("custom.yaml", null, rule)));
        var documents = new ManifestLoader().loadText("in.yaml", UNMARKED).documents();
        List<Finding> findings = new Engine(rules).run(ResourceGraph.build(documents, "default"), List.of());
        assertEquals(List.of("Deployment/web unscoped CERTAIN", "Deployment/web scoped INFERRED"),
                findings.stream().map(f -> f.message() + " " + f.certainty()).toList());
    }

    @Test
    void markedServersKeepTheRuleLevel() throws Exception {
        List<Finding> findings = findings(UNMARKED.replace("nginx:1.27", "ghcr.io/acme/mcp-server:1.0"));
        Finding grace = findings.stream().filter(f -> f.ruleId().equals("termination-grace-period")).findFirst()
                .orElseThrow();
        assertEquals(Certainty.CERTAIN, grace.certainty());
        assertEquals(Level.ERROR, new LowerInferredErrors().apply(List.of(grace)).get(0).level());
    }
}
