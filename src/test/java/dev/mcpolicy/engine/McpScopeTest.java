package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class McpScopeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"target\":\"mcp-servers\"}|true",
            "{\"target\":\"mcp-server-containers\"}|true",
            "{\"target\":\"ingress-routes\",\"where\":{\"routesToMcpServer\":true}}|true",
            "{\"target\":\"ingress-routes\",\"where\":{\"routesToMcpServer\":false}}|false",
            "{\"target\":\"hpas\",\"where\":{\"scalesMcpServer\":true}}|true",
            "{\"target\":\"workloads\"}|false",
            "{\"target\":\"values-documents\"}|false"})
    void mcpScopedChecks(String check, boolean scoped) throws Exception {
        assertEquals(scoped, McpScope.of(JSON.readTree(check)));
    }

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
        RuleSet rules = MechanismRegistry.standard().ruleLoader().loadBuiltIn();
        var documents = new ManifestLoader().loadText("in.yaml", manifests).documents();
        return new Engine(rules).run(ResourceGraph.build(documents, "default"), List.of());
    }

    @Test
    void inferredServersGetWarningsThatSayWhy() throws Exception {
        List<Finding> findings = findings(UNMARKED);
        Finding grace = findings.stream().filter(f -> f.ruleId().equals("termination-grace-period")).findFirst()
                .orElseThrow();
        assertEquals(Level.WARNING, grace.level());
        assertTrue(grace.message().contains("no workload of the render carries an MCP marker"), grace.message());
        assertFalse(findings.stream().anyMatch(f -> f.level() == Level.ERROR), findings.toString());
    }

    @Test
    void markedServersKeepTheRuleLevel() throws Exception {
        List<Finding> findings = findings(UNMARKED.replace("nginx:1.27", "ghcr.io/acme/mcp-server:1.0"));
        Finding grace = findings.stream().filter(f -> f.ruleId().equals("termination-grace-period")).findFirst()
                .orElseThrow();
        assertEquals(Level.ERROR, grace.level());
    }
}
