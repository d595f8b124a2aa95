package dev.mcpolicy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.chart.RealHelm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Helm plugin end to end: the real helm (scripts/install-helm.sh) installs {@code helm-plugin/} into an isolated
 * helm home, and {@code helm mcpolicy} checks the example charts through the launcher and the packaged jar.
 * Runs after {@code mvn package} (failsafe); without helm it fails on CI and is skipped elsewhere.
 */
class HelmPluginIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path helmHome;

    private static Path helm;
    private static Map<String, String> environment;

    @BeforeAll
    static void installThePlugin() throws Exception {
        EndToEnd.jar();
        helm = RealHelm.binary();
        Path data = helmHome.resolve("data");
        Files.createDirectories(data.resolve("plugins"));
        environment = Map.of(
                "HELM_DATA_HOME", data.toString(),
                "HELM_CONFIG_HOME", helmHome.resolve("config").toString(),
                "HELM_CACHE_HOME", helmHome.resolve("cache").toString(),
                "JAVA_HOME", System.getProperty("java.home"));
        Path plugin = EndToEnd.repositoryRoot().resolve("helm-plugin");
        EndToEnd.Run install = helmRun("plugin", "install", plugin.toString());
        assertEquals(0, install.exitCode(), install.describe());
        EndToEnd.Run list = helmRun("plugin", "list");
        assertTrue(list.stdout().lines().anyMatch(line -> line.startsWith("mcpolicy")), list.stdout());
    }

    /**
     * {@code helm plugin install} links the plugin folder into the temporary helm home; the link is removed here, so
     * JUnit's clean-up does not warn about a link that leads out of its temporary folder.
     */
    @AfterAll
    static void removeThePluginLink() throws Exception {
        Path plugins = helmHome.resolve("data/plugins");
        if (Files.isDirectory(plugins)) {
            try (var entries = Files.list(plugins)) {
                for (Path entry : entries.toList()) {
                    if (Files.isSymbolicLink(entry)) {
                        Files.delete(entry);
                    }
                }
            }
        }
    }

    private static EndToEnd.Run helmRun(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(helm.toString());
        command.addAll(List.of(arguments));
        return EndToEnd.run(command, environment);
    }

    @Test
    void theGoodChartPassesWithItsMcpServerDecision() throws Exception {
        EndToEnd.Run run = helmRun("mcpolicy", "examples/mcp-server", "-f", "examples/mcp-server/values-production.yaml",
                "--format", "json", "-n", "mcp");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode report = JSON.readTree(run.stdout());
        assertTrue(report.path("summary").path("successful").asBoolean(), run.stdout());
        assertEquals(0, report.path("summary").path("errors").asInt(), run.stdout());
        assertEquals(List.of("examples/mcp-server"), texts(report.path("inputs")));
        JsonNode server = decision(report, "Deployment", "mcp-server");
        assertTrue(server.path("mcpServer").asBoolean(), server.toString());
        assertEquals("mcp", server.path("object").path("namespace").asText(), "helm's -n reaches the render");
        assertEquals("examples/mcp-server/templates/deployment.yaml", server.path("location").path("file").asText());
        JsonNode test = decision(report, "Pod", "mcp-server-protocol-test");
        assertFalse(test.path("mcpServer").asBoolean(), test.toString());
    }

    /** The plugin hands its helm over without --helm, so rendered files (no chart) are checked through it too. */
    @Test
    void renderedFilesAreCheckedThroughThePlugin() throws Exception {
        EndToEnd.Run run = helmRun("mcpolicy", "examples/rendered/staging.yaml", "-n", "mcp", "--format", "json");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(JSON.readTree(run.stdout()).path("summary").path("successful").asBoolean(), run.stdout());
    }

    @Test
    void theBrokenChartFailsWithFindingsOnItsSourceLines() throws Exception {
        EndToEnd.Run run = helmRun("mcpolicy", "examples/broken/chart", "-f", "examples/broken/values-leaky.yaml",
                "--format", "json");
        assertEquals(1, run.exitCode(), run.describe());
        JsonNode report = JSON.readTree(run.stdout());
        JsonNode findings = report.path("findings");
        assertTrue(findings.size() > 0, run.stdout());
        List<String> rules = new ArrayList<>();
        for (JsonNode finding : findings) {
            rules.add(finding.path("ruleId").asText());
            String file = finding.path("location").path("file").asText();
            assertTrue(file.startsWith("examples/broken/"), "a finding outside the chart and its values: " + file);
        }
        assertTrue(rules.containsAll(List.of("sse-read-timeout", "pdb-coverage", "values-no-secrets")), rules.toString());
        assertTrue(report.path("summary").path("errors").asInt() > 0, run.stdout());
    }

    private static JsonNode decision(JsonNode report, String kind, String name) {
        for (JsonNode decision : report.path("mcpServers")) {
            JsonNode object = decision.path("object");
            if (object.path("kind").asText().equals(kind) && object.path("name").asText().equals(name)) {
                return decision;
            }
        }
        throw new AssertionError("no MCP-server decision for " + kind + "/" + name + " in " + report.path("mcpServers"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
