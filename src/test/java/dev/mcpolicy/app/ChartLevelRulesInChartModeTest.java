package dev.mcpolicy.app;

import dev.mcpolicy.chart.RealHelm;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Chart mode with a render matrix: chart-level rules report once per chart on Chart.yaml lines (no environments),
 * render-level rules once per source line naming the environments they occur in. Uses the real helm.
 */
class ChartLevelRulesInChartModeTest {
    @TempDir
    Path root;

    @Test
    void chartRulesRunOncePerChartWhateverTheEnvironments() throws Exception {
        Path chart = Files.createDirectories(root.resolve("chart/templates"));
        Files.writeString(root.resolve("chart/Chart.yaml"), """
                # A v1 chart without appVersion and without .helmignore.
                apiVersion: v1
                name: demo
                version: 0.1.0
                """);
        Files.writeString(chart.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ .Release.Name }}-server
                spec:
                  replicas: {{ .Values.replicas }}
                  selector: {matchLabels: {app: demo}}
                  template:
                    metadata: {labels: {app: demo}}
                    spec:
                      terminationGracePeriodSeconds: 120
                      containers:
                        - name: server
                          image: ghcr.io/acme/mcp-server:1.0.0
                """);
        Files.writeString(root.resolve("chart/values.yaml"), "replicas: 1\n");
        Path staging = Files.writeString(root.resolve("staging.yaml"), "replicas: 1\n");
        Path production = Files.writeString(root.resolve("production.yaml"), "replicas: 3\n");
        Map<String, List<Path>> environments = new LinkedHashMap<>();
        environments.put("staging", List.of(staging));
        environments.put("production", List.of(production));
        CheckRequest request = new CheckRequest(List.of(root.resolve("chart").toString()), List.of(), "default", null,
                environments, CheckRequest.ChartOptions.none(), RealHelm.binary().toString(), root, Map.of(), Level.ERROR);

        Checker.Outcome outcome = new Checker(new dev.mcpolicy.manifest.ManifestLoader(),
                new ByteArrayInputStream(new byte[0])).run(request);

        assertEquals(List.of(), outcome.result().problems());
        List<String> placed = outcome.result().findings().stream()
                .filter(f -> f.ruleId().startsWith("chart-") || f.ruleId().equals("helm-test-hook"))
                .map(ChartLevelRulesInChartModeTest::placed).toList();
        assertEquals(List.of(
                "chart/Chart.yaml:1 document chart-helmignore []",
                "chart/Chart.yaml:2 exact chart-api-version []",
                "chart/Chart.yaml:2 parent-key chart-versions []",
                "chart/templates/deployment.yaml:4 exact helm-test-hook [staging, production]"), placed);
    }

    private static String placed(Finding finding) {
        return finding.primary().file() + ":" + finding.primary().line() + " " + finding.primary().mapping() + " "
                + finding.ruleId() + " " + finding.environments();
    }
}
