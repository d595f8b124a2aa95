package dev.mcpolicy.app;

import dev.mcpolicy.config.ConfigException;
import dev.mcpolicy.config.ConfigFile;
import dev.mcpolicy.config.EffectiveConfig;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.manifest.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule settings, waivers and the baseline as steps of a real run, in process. */
class AdoptionPipelineTest {
    private static final String RENDER = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: tools
              annotations:
                mcpolicy.dev/mcp-server: "true"
                ignore.mcpolicy.dev/termination-grace-period: "short tool calls only"
            spec:
              replicas: 1  # mcpolicy:ignore replica-count one replica until PLAT-412
              selector: {matchLabels: {app: tools}}
              template:
                metadata: {labels: {app: tools}}
                spec:
                  terminationGracePeriodSeconds: 5
                  containers: [{name: app, image: "ghcr.io/acme/tools:1.0"}]
            """;

    @TempDir
    Path root;

    private CheckRequest request(EffectiveConfig config, Path baseline, Path writeBaseline) throws Exception {
        Files.writeString(root.resolve("render.yaml"), RENDER);
        CheckRequest plain = CheckRuns.request(root, List.of("render.yaml"));
        return new CheckRequest(plain.inputs(), plain.valuesFiles(), plain.releaseNamespace(), plain.release(),
                plain.environments(), plain.chartOptions(), plain.helmBinary(), plain.sourceRoot(),
                config.parameterValues(), Level.ERROR, List.of(),
                new CheckRequest.Adoption(config, baseline, writeBaseline, LocalDate.of(2026, 12, 2)));
    }

    private static EffectiveConfig config(String yaml) {
        ConfigFile file = yaml == null ? null : dev.mcpolicy.config.ConfigLoader.parse(Path.of(".mcpolicy.yaml"),
                ".mcpolicy.yaml", yaml);
        return EffectiveConfig.merge(file, EffectiveConfig.Flags.NONE);
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).distinct().sorted().toList();
    }

    @Test
    void annotationAndCommentWaiversTakeTheirFindingsOutOfTheCount() throws Exception {
        RunResult result = CheckRuns.run(request(config(null), null, null), "");
        assertFalse(rules(result.findings()).contains("termination-grace-period"), result.findings().toString());
        assertFalse(rules(result.findings()).contains("replica-count"), result.findings().toString());
        assertEquals(List.of("annotation", "comment"), result.suppressed().waived().stream()
                .map(Suppressions.Waived::source).sorted().toList());
    }

    @Test
    void aDisabledRuleReportsNothingAndALevelOverrideApplies() throws Exception {
        RunResult result = CheckRuns.run(request(config("""
                waiverPolicy: none
                rules:
                  replica-count: {enabled: false}
                  termination-grace-period: {level: note}
                """), null, null), "");
        assertFalse(rules(result.findings()).contains("replica-count"));
        assertTrue(result.findings().stream().filter(f -> f.ruleId().equals("termination-grace-period"))
                .allMatch(f -> f.level() == Level.NOTE), result.findings().toString());
        assertTrue(result.problems().stream().anyMatch(p -> p.message().startsWith("ignored: --waivers none")));
    }

    @Test
    void aWrittenBaselineMakesEveryFindingExistingAndAFixedOneAbsent() throws Exception {
        Path baseline = root.resolve("baseline.yaml");
        RunResult written = CheckRuns.run(request(config("waiverPolicy: none\n"), null, baseline), "");
        assertFalse(written.findings().isEmpty());
        RunResult compared = CheckRuns.run(request(config("waiverPolicy: none\n"), baseline, null), "");
        assertEquals(List.of(), compared.findings());
        assertEquals(written.findings().size(), compared.suppressed().unchanged().size());
        RunResult fixed = CheckRuns.run(request(config("""
                waiverPolicy: none
                rules: {replica-count: {enabled: false}}
                """), baseline, null), "");
        assertEquals(List.of("replica-count"), fixed.suppressed().absent().stream()
                .map(Suppressions.Absent::ruleId).distinct().toList());
        assertTrue(fixed.problems().stream().noneMatch(p -> p.severity() == InputProblem.Severity.ERROR));
    }

    @Test
    void aParameterValueOfTheWrongTypeIsReportedAtItsPlace() {
        ConfigException e = assertThrows(ConfigException.class, () -> CheckRuns.run(request(config("""
                rules:
                  termination-grace-period:
                    parameters:
                      minSeconds: soon
                """), null, null), ""));
        assertTrue(e.getMessage().startsWith(".mcpolicy.yaml:4:7: "), e.getMessage());
    }

    @Test
    void aMissingBaselineIsAConfigurationError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> CheckRuns.run(request(config(null), root.resolve("none.yaml"), null), ""));
        assertTrue(e.getMessage().endsWith(":1:1: cannot read the baseline: no such file"), e.getMessage());
    }

    /** In chart mode, waiver comments sit in templates and values files; one that waives nothing is noted. */
    @Test
    void inChartModeCommentsAreReadAtTheMappedLinesAndStaleOnesAreNoted() throws Exception {
        Path chart = root.resolve("chart");
        Path source = Path.of("examples/adoption/chart").toAbsolutePath();
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = chart.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path service = chart.resolve("templates/service.yaml");
        Files.writeString(service, "# mcpolicy:ignore service-target-port nothing to waive here\n"
                + Files.readString(service));
        CheckRequest request = new CheckRequest(List.of(chart.toString()), List.of(), "default", null, Map.of(),
                CheckRequest.ChartOptions.none(), dev.mcpolicy.chart.RealHelm.binary().toString(), root, Map.of(),
                Level.ERROR, List.of(), new CheckRequest.Adoption(config(null), null, null, LocalDate.of(2026, 12, 2)));
        RunResult result = CheckRuns.run(request, "");
        assertEquals(List.of("annotation:chart/templates/deployment.yaml", "comment:chart/values.yaml"),
                result.suppressed().waived().stream().map(w -> w.source() + ":" + w.declaredAt().file()).sorted()
                        .toList());
        assertEquals(List.of("note chart/templates/service.yaml:1:1: waiver for service-target-port matches no finding"
                + " (the comment at chart/templates/service.yaml:1:1): remove it, or correct what it names"),
                CheckRuns.problems(result));
    }

    @Test
    void theDefaultsChangeNothing() throws Exception {
        CheckRequest request = request(config(null), null, null);
        assertEquals(Map.of(), request.parameters());
        assertEquals(List.of(), request.ruleFolders());
    }
}
