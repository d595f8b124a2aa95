package dev.mcpolicy.app;

import dev.mcpolicy.chart.RealHelm;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.report.TextReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chart mode when the chart cannot be rendered as asked, with the real helm: one clear problem where the cause is. */
class ChartFailuresTest {
    @TempDir
    Path root;

    @Test
    void aTemplateErrorIsReportedOnceAtTheTemplateLineHelmNames() throws Exception {
        Path chart = chart("mcp-server", Map.of("templates/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ .Release.Name }}
                  labels:
                    tier: {{ required "tier must be set; pass --set tier=…, it names the node pool the server runs on" .Values.tier }}
                """));
        Map<String, List<Path>> environments = new LinkedHashMap<>();
        environments.put("staging", List.of());
        environments.put("production", List.of());
        Checker.Outcome outcome = run(request(chart, null, environments));

        RunResult result = outcome.result();
        assertEquals(List.of("chart/templates/deployment.yaml:6:13: helm template failed (exit 1): execution error at"
                + " (mcp-server/templates/deployment.yaml:6:13): tier must be set; pass --set tier=…, it names the node"
                + " pool the server runs on [staging, production]"), CheckRuns.errors(result));
        StringWriter text = new StringWriter();
        new TextReport().write(result, outcome.reportContext(root, false, null), text);
        assertFalse(text.toString().contains("No findings."), text.toString());
    }

    @Test
    void anErrorInASubchartPointsAtTheSubchartsTemplate() throws Exception {
        Path chart = chart("umbrella", Map.of(
                "templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
                "charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 0.1.0\n",
                "charts/db/templates/sts.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.a.b.c }}\n"));
        RunResult result = run(request(chart, null, Map.of())).result();
        List<String> errors = CheckRuns.errors(result);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("chart/charts/db/templates/sts.yaml:4:"), errors.get(0));
        assertTrue(errors.get(0).contains("nil pointer evaluating"), errors.get(0));
    }

    @Test
    void aChartThatRendersNothingCheckedNothing() throws Exception {
        Path chart = chart("quiet", Map.of("templates/cm.yaml",
                "{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n{{- end }}\n"));
        RunResult result = run(request(chart, null, Map.of())).result();
        assertEquals(List.of("chart:1:1: helm template rendered no Kubernetes object, so nothing was checked; the"
                + " values may switch every template off"), CheckRuns.errors(result));
    }

    /** A chart name helm accepts that is no valid release name needs --release, and renders with it. */
    @Test
    void aChartNameThatIsNoReleaseNameNeedsRelease() throws Exception {
        Path chart = chart("My_Server", Map.of("templates/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: {{ .Release.Name }}}\n"));
        RunResult refused = run(request(chart, null, Map.of())).result();
        assertEquals(List.of("chart/Chart.yaml:2:7: chart name 'My_Server' cannot be the release name: a release name is"
                + " lower-case letters, digits, '-' and '.', and starts and ends with a letter or digit; pass --release"
                + " NAME to render it"), CheckRuns.errors(refused));

        RunResult rendered = run(request(chart, "my-server", Map.of())).result();
        assertEquals(List.of(), CheckRuns.errors(rendered));
    }

    private Path chart(String name, Map<String, String> files) throws IOException {
        Path chart = root.resolve("chart");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n"
                + "appVersion: \"1.0.0\"\n");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(chart.resolve(file.getKey()).getParent());
            Files.writeString(chart.resolve(file.getKey()), file.getValue());
        }
        return chart;
    }

    private CheckRequest request(Path chart, String release, Map<String, List<Path>> environments) {
        return new CheckRequest(List.of(chart.toString()), List.of(), "default", release, environments,
                CheckRequest.ChartOptions.none(), RealHelm.binary().toString(), root, Map.of(), Level.ERROR);
    }

    private static Checker.Outcome run(CheckRequest request) {
        return new Checker(new ManifestLoader(), new ByteArrayInputStream(new byte[0])).run(request);
    }
}
