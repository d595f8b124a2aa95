package dev.mcpolicy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.chart.RealHelm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A monorepo of charts checked in three shards and merged equals one check of the whole monorepo: the SARIF byte for
 * byte, the JSON with MCP-server decisions by place; and the merged exit code is the one run's.
 */
class ShardAndMergeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path repo;
    private static Map<String, String> environment;

    @BeforeAll
    static void monorepo() throws IOException {
        repo = Files.createTempDirectory("monorepo");
        for (String chart : List.of("alpha", "beta", "gamma", "delta", "epsilon")) {
            JarRun.copyTree(JarRun.REPO.resolve("examples/mcp-server"), repo.resolve("charts/" + chart));
            Path chartYaml = repo.resolve("charts/" + chart + "/Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replaceFirst("(?m)^name: .*$", "name: " + chart));
        }
        JarRun.copyTree(JarRun.REPO.resolve("examples/broken/chart"), repo.resolve("charts/broken"));
        Files.copy(JarRun.REPO.resolve("examples/rendered/staging.yaml"), repo.resolve("rendered.yaml"));
        environment = new HashMap<>(ExamplesIT.REPRODUCIBLE);
        environment.put("MCPOLICY_HELM", RealHelm.binary().toString());
    }

    private static JarRun run(String... args) throws Exception {
        return JarRun.runIn(repo, null, environment, args);
    }

    private static List<String> shards(String format) throws Exception {
        List<String> reports = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            String report = "shard-" + k + "." + format;
            JarRun shard = run("check", ".", "-n", "mcp", "--shard", k + "/3", "--format", format, "-o", report);
            assertTrue(shard.exitCode() <= 1, shard.stderr());
            reports.add(report);
        }
        return reports;
    }

    @Test
    void mergedSarifEqualsOneRun() throws Exception {
        JarRun whole = run("check", ".", "-n", "mcp", "--format", "sarif");
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(shards("sarif"));
        JarRun merged = run(args.toArray(String[]::new));
        assertEquals(whole.exitCode(), merged.exitCode(), merged.stderr());
        assertEquals(1, merged.exitCode(), "the broken chart has errors");
        assertEquals(whole.stdout(), merged.stdout());
    }

    @Test
    void mergedJsonEqualsOneRunWithDecisionsByPlace() throws Exception {
        JarRun whole = run("check", ".", "-n", "mcp", "--format", "json");
        List<String> reports = shards("json");
        List<String> args = new ArrayList<>(List.of("merge", "--format", "json", "-o", "merged.json"));
        args.addAll(reports);
        JarRun merged = run(args.toArray(String[]::new));
        assertEquals(whole.exitCode(), merged.exitCode(), merged.stderr());
        JsonNode one = JSON.readTree(whole.stdout());
        JsonNode combined = JSON.readTree(repo.resolve("merged.json").toFile());
        for (String field : List.of("schemaVersion", "tool", "inputs", "findings", "problems", "summary")) {
            assertEquals(one.get(field), combined.get(field), field);
        }
        assertEquals(sortedByPlace(one.get("mcpServers")), combined.get("mcpServers"));

        JarRun lenient = run("merge", reports.get(0), reports.get(1), reports.get(2), "--fail-on", "never",
                "-o", "x.json");
        assertEquals(0, lenient.exitCode(), lenient.stderr());
    }

    @Test
    void aMissingShardLeavesItsNotesAndAnUnreadableReportIsAnInputError() throws Exception {
        List<String> reports = shards("json");
        JarRun partial = run("merge", reports.get(0), reports.get(1), "-o", "partial.json");
        JsonNode problems = JSON.readTree(repo.resolve("partial.json").toFile()).get("problems");
        assertTrue(problems.toString().contains("not checked here (--shard): shard 3/3 checks it"), problems.toString());
        assertTrue(!problems.toString().contains("shard 1/3 checks it"), problems.toString());
        assertTrue(partial.stderr().contains("shard 3/3 checks it"), partial.stderr());

        Files.writeString(repo.resolve("cut.json"), "{\"schemaVersion\": 1,\n  \"findings\": [");
        JarRun broken = run("merge", reports.get(0), "cut.json");
        assertEquals(2, broken.exitCode());
        assertTrue(broken.stderr().startsWith("cut.json:2:"), broken.stderr());
        assertEquals(1, broken.stderr().strip().lines().count(), broken.stderr());
        assertEquals("", broken.stdout());
    }

    private static JsonNode sortedByPlace(JsonNode decisions) {
        List<JsonNode> list = new ArrayList<>();
        decisions.forEach(list::add);
        list.sort(java.util.Comparator.comparing((JsonNode d) -> d.path("location").path("file").asText())
                .thenComparingInt(d -> d.path("location").path("line").asInt())
                .thenComparingInt(d -> d.path("location").path("column").asInt()));
        return JSON.valueToTree(list);
    }
}
