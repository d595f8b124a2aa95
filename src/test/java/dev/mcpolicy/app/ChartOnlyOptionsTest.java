package dev.mcpolicy.app;

import dev.mcpolicy.finding.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options that only mean something to helm are a usage error when no input is a chart. */
class ChartOnlyOptionsTest {
    @TempDir
    Path root;

    private static final Map<String, Function<CheckRequest, CheckRequest>> OPTIONS = Map.of(
            "--env", r -> with(r, null, Map.of("staging", List.of(Path.of("missing.yaml"))), CheckRequest.ChartOptions.none(), null),
            "--set", r -> with(r, null, Map.of(), new CheckRequest.ChartOptions(List.of("a=b"), List.of(), null, List.of()), null),
            "--set-string", r -> with(r, null, Map.of(), new CheckRequest.ChartOptions(List.of(), List.of("a=b"), null, List.of()), null),
            "--release", r -> with(r, "demo", Map.of(), CheckRequest.ChartOptions.none(), null),
            "--kube-version", r -> with(r, null, Map.of(), new CheckRequest.ChartOptions(List.of(), List.of(), "1.30.0", List.of()), null),
            "--api-versions", r -> with(r, null, Map.of(), new CheckRequest.ChartOptions(List.of(), List.of(), null, List.of("x/v1")), null),
            "--helm", r -> with(r, null, Map.of(), CheckRequest.ChartOptions.none(), "/usr/bin/helm"));

    private static CheckRequest with(CheckRequest r, String release, Map<String, List<Path>> environments,
                                     CheckRequest.ChartOptions options, String helm) {
        return new CheckRequest(r.inputs(), r.valuesFiles(), r.releaseNamespace(), release, environments, options, helm,
                r.sourceRoot(), r.parameters(), Level.ERROR);
    }

    @Test
    void eachChartOnlyOptionWithoutAChartIsAUsageError() throws IOException {
        Files.writeString(root.resolve("render.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: x}\n");
        OPTIONS.forEach((option, set) -> {
            CheckRequest request = set.apply(CheckRuns.request(root, List.of("render.yaml")));
            UsageException e = assertThrows(UsageException.class, () -> CheckRuns.run(request, ""), option);
            assertEquals(option + " applies to charts only, and no PATH is a chart (a folder with Chart.yaml, or one"
                    + " holding charts); see 'mcpolicy check --help'", e.getMessage());
        });
    }

    @Test
    void severalAreNamedTogether() {
        CheckRequest request = with(CheckRuns.request(root, List.of("-")), "demo", Map.of(),
                new CheckRequest.ChartOptions(List.of("a=b"), List.of(), null, List.of()), null);
        UsageException e = assertThrows(UsageException.class, () -> CheckRuns.run(request, "kind: x\n"));
        assertTrue(e.getMessage().startsWith("--set, --release apply to charts only"), e.getMessage());
    }

    /** With a chart among the inputs they apply to it; a helm that is not there is then an input problem. */
    @Test
    void aChartInputMakesThemValid() throws IOException {
        Files.createDirectories(root.resolve("chart/templates"));
        Files.writeString(root.resolve("chart/Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
        OPTIONS.forEach((option, set) -> {
            CheckRequest base = with(CheckRuns.request(root, List.of("chart")), null, Map.of(),
                    CheckRequest.ChartOptions.none(), root.resolve("no-helm").toString());
            CheckRequest request = set.apply(base);
            if (request.helmBinary() == null) {
                request = with(request, request.release(), request.environments(), request.chartOptions(),
                        root.resolve("no-helm").toString());
            }
            var result = CheckRuns.run(request, "");
            assertTrue(CheckRuns.errors(result).stream().anyMatch(p -> p.contains("helm not found")),
                    option + ": " + CheckRuns.errors(result));
        });
    }

    @Test
    void releaseAndEnvironmentNamesHelmWouldRefuseAreUsageErrors() {
        CheckRequest release = with(CheckRuns.request(root, List.of("-")), "--output-dir=x", Map.of(),
                CheckRequest.ChartOptions.none(), null);
        assertTrue(assertThrows(UsageException.class, () -> CheckRuns.run(release, "")).getMessage()
                .startsWith("--release '--output-dir=x' is not a valid release name: "));
        CheckRequest environment = with(CheckRuns.request(root, List.of("-")), null,
                Map.of("--repo", List.of(Path.of("http://127.0.0.1:1"))), CheckRequest.ChartOptions.none(), null);
        assertTrue(assertThrows(UsageException.class, () -> CheckRuns.run(environment, "")).getMessage()
                .startsWith("--env '--repo' is not a valid environment name: "));
    }
}
