package dev.mcpolicy.app;

import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A folder that holds charts below it: the charts are checked as charts (never their templates as manifests), the
 * other YAML files of the folder as rendered manifests.
 */
class FolderOfChartsTest {
    @TempDir
    Path root;

    @Test
    void chartsBelowAFolderAreChartsAndTheirFilesAreNotManifests() throws IOException {
        chart("repo/charts/gateway");
        chart("repo/charts/gateway/charts/cache"); // a subchart: part of its parent
        chart("repo/deploy/tools");
        chart("repo/.hidden/ignored");
        Files.writeString(root.resolve("repo/rendered.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n");
        Files.writeString(root.resolve("repo/deploy/values-prod.yaml"), "replicas: 3\n");

        Inputs inputs = Inputs.collect(CheckRuns.request(root, List.of("repo")), new ManifestLoader(),
                new ByteArrayInputStream(new byte[0]));

        assertEquals(List.of("repo"), inputs.names());
        assertEquals(List.of("repo/charts/gateway", "repo/deploy/tools"),
                inputs.charts().stream().map(ChartRun::display).toList());
        assertEquals(List.of("repo/deploy/values-prod.yaml", "repo/rendered.yaml"),
                inputs.manifests().stream().map(ManifestDocument::file).distinct().sorted().toList());
        assertEquals(List.of(), inputs.problems(), "no template was parsed as a manifest");
        assertEquals(List.of(), inputs.emptyInputs());
    }

    @Test
    void aFolderHoldingOnlyChartsIsNotEmpty() throws IOException {
        chart("charts/a");
        Inputs inputs = Inputs.collect(CheckRuns.request(root, List.of("charts")), new ManifestLoader(),
                new ByteArrayInputStream(new byte[0]));
        assertEquals(1, inputs.charts().size());
        assertEquals(List.of(), inputs.emptyInputs());
    }

    /** A template, a values file or a folder of a chart stands for its chart; a subchart's for the chart holding it. */
    @Test
    void pathsInsideAChartStandForTheChartCheckedOnce() throws IOException {
        chart("repo/app");
        chart("repo/app/charts/db");
        Files.createDirectories(root.resolve("repo/app/ci"));
        Files.writeString(root.resolve("repo/app/ci/values-test.yaml"), "replicas: 1\n");

        Inputs inputs = Inputs.collect(CheckRuns.request(root, List.of("repo/app/templates/cm.yaml",
                        "repo/app/charts/db/templates/cm.yaml", "repo/app/ci", "repo/app")), new ManifestLoader(),
                new ByteArrayInputStream(new byte[0]));

        assertEquals(List.of("repo/app"), inputs.charts().stream().map(ChartRun::display).toList());
        assertEquals(List.of(), inputs.manifests());
        assertEquals(List.of(
                        "repo/app/templates/cm.yaml:1:1: inside chart repo/app, so that chart was rendered and checked"
                                + " instead (chart files are never read as rendered manifests)",
                        "repo/app/charts/db/templates/cm.yaml:1:1: inside chart repo/app, so that chart was rendered"
                                + " and checked instead (chart files are never read as rendered manifests)",
                        "repo/app/ci:1:1: inside chart repo/app, so that chart was rendered and checked instead (chart"
                                + " files are never read as rendered manifests)"),
                inputs.problems().stream().map(dev.mcpolicy.manifest.InputProblem::oneLine).toList());
    }

    /** A subchart named as a PATH is rendered as the chart it is. */
    @Test
    void aChartNamedDirectlyIsThatChart() throws IOException {
        chart("app");
        chart("app/charts/db");
        Inputs inputs = Inputs.collect(CheckRuns.request(root, List.of("app/charts/db")), new ManifestLoader(),
                new ByteArrayInputStream(new byte[0]));
        assertEquals(List.of("app/charts/db"), inputs.charts().stream().map(ChartRun::display).toList());
    }

    private void chart(String folder) throws IOException {
        Path templates = Files.createDirectories(root.resolve(folder).resolve("templates"));
        Files.writeString(root.resolve(folder).resolve("Chart.yaml"), "apiVersion: v2\nname: x\nversion: 0.1.0\n");
        Files.writeString(root.resolve(folder).resolve("values.yaml"), "name: x\n");
        Files.writeString(templates.resolve("cm.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}
                {{- with .Values.extra }}
                data: {{ toYaml . | nindent 2 }}
                {{- end }}
                """);
    }
}
