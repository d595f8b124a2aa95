package dev.mcpolicy.app;

import dev.mcpolicy.chart.RealHelm;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.manifest.ManifestLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One cause, one finding in a render matrix: each environment's render folds on its own (after chart mapping), then
 * the environment merge joins what the renders share. The example chart with one replica for every environment
 * (a shared values file) and per-environment budgets. Real helm.
 */
class FoldAcrossEnvironmentsTest {
    @TempDir
    static Path values;
    private static List<Finding> findings;

    @BeforeAll
    static void check() throws Exception {
        Path single = Files.writeString(values.resolve("single.yaml"), "replicaCount: 1\n");
        Path quiet = Files.writeString(values.resolve("quiet.yaml"), "env:\n  LOG_LEVEL: warn\n");
        Path verbose = Files.writeString(values.resolve("verbose.yaml"), "env:\n  LOG_LEVEL: debug\n");
        Path noBudget = Files.writeString(values.resolve("no-budget.yaml"), "podDisruptionBudget:\n  enabled: false\n");
        Path strict = Files.writeString(values.resolve("strict.yaml"),
                "replicaCount: 2\npodDisruptionBudget:\n  minAvailable: 2\n");
        Map<String, List<Path>> environments = new LinkedHashMap<>();
        environments.put("quiet", List.of(quiet));
        environments.put("verbose", List.of(verbose));
        environments.put("no-budget", List.of(noBudget));
        environments.put("strict", List.of(strict));
        CheckRequest request = new CheckRequest(List.of(Path.of("examples/mcp-server").toAbsolutePath().toString()),
                List.of(single), "mcp", "mcp-server", environments, CheckRequest.ChartOptions.none(),
                RealHelm.binary().toString(), Path.of("").toAbsolutePath(), Map.of(), Level.ERROR);
        Checker.Outcome outcome = new Checker(new ManifestLoader(), new ByteArrayInputStream(new byte[0])).run(request);
        assertEquals(List.of(), outcome.result().problems().stream()
                .filter(p -> p.severity() == dev.mcpolicy.manifest.InputProblem.Severity.ERROR).toList());
        findings = outcome.result().findings().stream()
                .filter(f -> List.of("replica-count", "pdb-coverage", "pdb-allows-eviction").contains(f.ruleId()))
                .toList();
    }

    private static List<Finding> of(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void environmentsThatFoldAlikeShareOneFinding() {
        List<Finding> blocked = of("replica-count").stream()
                .filter(f -> "pdb-allows-eviction".equals(f.properties().get("folded"))).toList();
        assertEquals(1, blocked.size(), findings.toString());
        Finding finding = blocked.get(0);
        assertEquals(List.of("quiet", "verbose"), finding.environments());
        assertEquals("single.yaml", Path.of(finding.primary().file()).getFileName().toString());
        assertEquals(1, finding.related().stream()
                .filter(r -> r.message().equals("pdb-allows-eviction, folded into this finding")).count(),
                finding.related().toString());
        assertTrue(finding.message().endsWith("so node drains block until it runs more."), finding.message());
    }

    @Test
    void anEnvironmentWithAnotherFoldKeepsItsOwnMessage() {
        List<Finding> uncovered = of("replica-count").stream()
                .filter(f -> "pdb-coverage".equals(f.properties().get("folded"))).toList();
        assertEquals(1, uncovered.size(), findings.toString());
        assertEquals(List.of("no-budget"), uncovered.get(0).environments());
        assertEquals(2, of("replica-count").size(), "strict runs two replicas: " + of("replica-count"));
    }

    @Test
    void aBudgetIsNeverFoldedIntoAnotherEnvironmentsReplicaCount() {
        // strict blocks drains with two replicas: its own cause, reported on its own values line, only there
        List<Finding> eviction = of("pdb-allows-eviction");
        assertEquals(1, eviction.size(), findings.toString());
        assertEquals(List.of("strict"), eviction.get(0).environments());
        assertEquals("strict.yaml", Path.of(eviction.get(0).primary().file()).getFileName().toString());
        assertEquals(List.of(), of("pdb-coverage"));
    }
}
