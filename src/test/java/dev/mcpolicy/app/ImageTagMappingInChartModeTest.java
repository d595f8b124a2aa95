package dev.mcpolicy.app;

import dev.mcpolicy.chart.RealHelm;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The image rule's tag travels to the source mapper: a latest tag set in the chart's own values lands on the
 * {@code tag:} line, whether the image line reads both values itself or through an include helper. Real helm.
 */
class ImageTagMappingInChartModeTest {
    @TempDir
    Path root;

    @Test
    void aLatestTagMapsToTheTagLineOfTheValues() throws Exception {
        Path templates = Files.createDirectories(root.resolve("chart/templates"));
        Files.writeString(root.resolve("chart/Chart.yaml"), """
                apiVersion: v2
                name: demo
                version: 0.1.0
                appVersion: "1.0.0"
                """);
        Files.writeString(templates.resolve("_helpers.tpl"), """
                {{- define "demo.image" -}}
                {{ .Values.sidecar.repository }}:{{ .Values.sidecar.tag | default .Chart.AppVersion }}
                {{- end }}
                """);
        Files.writeString(templates.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ .Release.Name }}-server
                spec:
                  selector: {matchLabels: {app: demo}}
                  template:
                    metadata: {labels: {app: demo}}
                    spec:
                      containers:
                        - name: server
                          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                        - name: proxy
                          image: {{ include "demo.image" . }}
                """);
        Files.writeString(root.resolve("chart/values.yaml"), """
                image:
                  repository: ghcr.io/acme/mcp-server
                  tag: latest
                sidecar:
                  repository: ghcr.io/acme/proxy
                  tag: latest
                """);
        CheckRequest request = new CheckRequest(List.of(root.resolve("chart").toString()), List.of(), "default", null,
                Map.of(), CheckRequest.ChartOptions.none(), RealHelm.binary().toString(), root, Map.of(), Level.ERROR);

        Checker.Outcome outcome = new Checker(new dev.mcpolicy.manifest.ManifestLoader(),
                new ByteArrayInputStream(new byte[0])).run(request);

        assertEquals(List.of(), outcome.result().problems());
        List<Finding> images = outcome.result().findings().stream()
                .filter(f -> f.ruleId().equals("image-pinned")).toList();
        List<String> placed = images.stream().map(f -> f.primary().file() + ":" + f.primary().line() + " "
                + f.primary().mapping()).toList();
        assertEquals(List.of("chart/values.yaml:3 values", "chart/values.yaml:6 values"), placed);
        for (Finding finding : images) {
            assertFalse(finding.chartHint().toString().contains("latest"), finding.chartHint()::toString);
            assertFalse(finding.properties().containsValue("latest"), () -> finding.properties().toString());
        }
    }
}
