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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waivers and a baseline across shards: a shard misses the baseline entries and uses none of the waivers of the charts
 * it leaves to the others, so the merge keeps an entry absent, or a waiver unused, only when no shard found it.
 * Merged, the shards say what one run says.
 */
class ShardedAdoptionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHECK = List.of("check", "examples/adoption/chart", "charts", "--baseline",
            "mcpolicy-baseline.yaml");
    private static Path repo;
    private static Map<String, String> environment;

    @BeforeAll
    static void repositoryMidwayThroughAdoption() throws IOException {
        repo = Files.createTempDirectory("adopting");
        Files.createDirectories(repo.resolve(".git"));
        // where the baseline's entries say they are
        JarRun.copyTree(JarRun.REPO.resolve("examples/adoption/chart"), repo.resolve("examples/adoption/chart"));
        JarRun.copyTree(JarRun.REPO.resolve("examples/mcp-server"), repo.resolve("charts/alpha"));
        JarRun.copyTree(JarRun.REPO.resolve("examples/mcp-server"), repo.resolve("charts/beta"));
        Path beta = repo.resolve("charts/beta/Chart.yaml");
        Files.writeString(beta, Files.readString(beta).replaceFirst("(?m)^name: .*$", "name: beta"));
        Files.copy(JarRun.REPO.resolve("examples/adoption/.mcpolicy.yaml"), repo.resolve(".mcpolicy.yaml"));
        Files.copy(JarRun.REPO.resolve("examples/adoption/mcpolicy-baseline.yaml"),
                repo.resolve("mcpolicy-baseline.yaml"));
        environment = new HashMap<>(ExamplesIT.REPRODUCIBLE);
        environment.put("MCPOLICY_HELM", RealHelm.binary().toString());
    }

    private static JarRun run(List<String> args) throws Exception {
        return JarRun.runIn(repo, null, environment, args.toArray(String[]::new));
    }

    private static JarRun merged(String format) throws Exception {
        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int k = 1; k <= 3; k++) {
            String report = "shard-" + k + "." + format;
            List<String> args = new ArrayList<>(CHECK);
            args.addAll(List.of("--shard", k + "/3", "--format", format, "-o", report));
            JarRun shard = run(args);
            assertTrue(shard.exitCode() <= 1, shard.stderr());
            merge.add(report);
        }
        return run(merge);
    }

    @Test
    void mergedJsonKeepsWaivedExistingAndAbsentAsOneRun() throws Exception {
        List<String> whole = new ArrayList<>(CHECK);
        whole.addAll(List.of("--format", "json"));
        JarRun one = run(whole);
        JarRun merged = merged("json");
        assertEquals(one.exitCode(), merged.exitCode(), merged.stderr());
        JsonNode expected = JSON.readTree(one.stdout());
        JsonNode actual = JSON.readTree(merged.stdout());
        assertFalse(expected.get("waived").isEmpty(), "the adoption chart carries waivers");
        assertEquals(1, expected.path("baseline").path("absent").size(), expected.path("baseline").toString());
        for (String field : List.of("findings", "waived", "baseline", "problems", "summary")) {
            assertEquals(expected.get(field), actual.get(field), field);
        }
    }

    @Test
    void mergedSarifSaysWhatOneRunSays() throws Exception {
        List<String> whole = new ArrayList<>(CHECK);
        whole.addAll(List.of("--format", "sarif"));
        JarRun one = run(whole);
        JarRun merged = merged("sarif");
        assertEquals(one.exitCode(), merged.exitCode(), merged.stderr());
        JsonNode expected = JSON.readTree(one.stdout()).path("runs").path(0);
        JsonNode actual = JSON.readTree(merged.stdout()).path("runs").path(0);
        assertEquals(expected.get("results"), actual.get("results"));
        assertEquals(expected.path("invocations").path(0).get("toolExecutionNotifications"),
                actual.path("invocations").path(0).get("toolExecutionNotifications"));
    }
}
