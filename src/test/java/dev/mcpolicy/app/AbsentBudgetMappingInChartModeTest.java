package dev.mcpolicy.app;

import dev.mcpolicy.chart.RealHelm;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.manifest.ManifestLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A chart whose PodDisruptionBudget template is switched off by a value: pdb-coverage lands on that value's line
 * (the line a reviewer flips), with the template's kind line as related. Without a guarded template, or when
 * --set decides, it stays on the workload. Real helm.
 */
class AbsentBudgetMappingInChartModeTest {
    @TempDir
    Path root;

    private Path chart(String pdbTemplate) throws Exception {
        Path templates = Files.createDirectories(root.resolve("chart/templates"));
        Files.writeString(root.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 0.1.0\nappVersion: \"1.0.0\"\n");
        Files.writeString(templates.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ .Release.Name }}-server
                spec:
                  selector: {matchLabels: {app: demo}}
                  template:
                    metadata:
                      labels:
                        app: demo
                    spec:
                      terminationGracePeriodSeconds: 60
                      containers:
                        - name: server
                          image: ghcr.io/acme/mcp-server:1.0.0
                  replicas: 2
                """);
        if (pdbTemplate != null) {
            Files.writeString(templates.resolve("pdb.yaml"), pdbTemplate);
        }
        Files.writeString(root.resolve("chart/values.yaml"), """
                replicaCount: 2
                podDisruptionBudget:
                  enabled: false
                  minAvailable: 1
                """);
        return root.resolve("chart");
    }

    private List<String> coverage(Path chart, List<String> set) {
        CheckRequest request = new CheckRequest(List.of(chart.toString()), List.of(), "default", null, Map.of(),
                new CheckRequest.ChartOptions(set, List.of(), null, List.of()), RealHelm.binary().toString(), root,
                Map.of(), Level.ERROR);
        Checker.Outcome outcome = new Checker(new ManifestLoader(), new ByteArrayInputStream(new byte[0])).run(request);
        assertEquals(List.of(), outcome.result().problems());
        return outcome.result().findings().stream().filter(f -> f.ruleId().equals("pdb-coverage"))
                .map(AbsentBudgetMappingInChartModeTest::placed).toList();
    }

    private static String placed(Finding finding) {
        return finding.primary().file() + ":" + finding.primary().line() + " " + finding.primary().mapping()
                + finding.related().stream().map(r -> " | " + r.location().file() + ":" + r.location().line())
                .filter(r -> r.contains("templates/pdb.yaml")).findFirst().orElse("");
    }

    private static final String GUARDED = """
            {{- if .Values.podDisruptionBudget.enabled }}
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: {{ .Release.Name }}-server
            spec:
              minAvailable: {{ .Values.podDisruptionBudget.minAvailable }}
              selector:
                matchLabels:
                  app: demo
            {{- end }}
            """;

    @Test
    void aBudgetSwitchedOffInValuesMapsToTheSwitch() throws Exception {
        assertEquals(List.of("chart/values.yaml:3 values | chart/templates/pdb.yaml:3"), coverage(chart(GUARDED), List.of()));
    }

    @Test
    void withoutABudgetTemplateTheFindingStaysOnTheWorkload() throws Exception {
        assertEquals(List.of("chart/templates/deployment.yaml:9 exact"), coverage(chart(null), List.of()));
    }

    @Test
    void aSwitchGivenWithSetStaysOnTheWorkload() throws Exception {
        assertEquals(List.of("chart/templates/deployment.yaml:9 exact"),
                coverage(chart(GUARDED), List.of("podDisruptionBudget.enabled=false")));
    }
}
