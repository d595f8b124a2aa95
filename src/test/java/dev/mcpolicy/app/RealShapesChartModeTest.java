package dev.mcpolicy.app;

import dev.mcpolicy.chart.RealHelm;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.manifest.ManifestLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chart mode end to end on the fixture chart of template shapes that used to lose the trail (see its Chart.yaml):
 * each finding lands on the line a reviewer edits. Real helm.
 */
class RealShapesChartModeTest {
    private static final Path CHARTS = Path.of("src/test/resources/charts").toAbsolutePath();
    private static List<Finding> findings;

    @BeforeAll
    static void check() {
        CheckRequest request = new CheckRequest(List.of(CHARTS.resolve("real-shapes").toString()), List.of(), "tools",
                "rel", Map.of(), CheckRequest.ChartOptions.none(), RealHelm.binary().toString(), CHARTS, Map.of(),
                Level.ERROR);
        Checker.Outcome outcome = new Checker(new ManifestLoader(), new ByteArrayInputStream(new byte[0])).run(request);
        assertEquals(List.of(), outcome.result().problems());
        findings = outcome.result().findings();
    }

    private static List<String> placed(String ruleId, String object) {
        return findings.stream()
                .filter(f -> f.ruleId().equals(ruleId) && f.object() != null && f.object().display().equals(object))
                .map(f -> f.primary().file() + ":" + f.primary().line() + " " + f.primary().mapping()).toList();
    }

    @Test
    void annotationsThroughMergeLandOnTheWinningValuesLine() {
        assertEquals(List.of("real-shapes/values.yaml:31 values"), placed("sse-proxy-buffering", "Ingress/rel-gateway"));
    }

    @Test
    void annotationsCopiedIntoADictLandOnTheLastSetSource() {
        assertEquals(List.of("real-shapes/values.yaml:38 values"), placed("sse-proxy-buffering", "Ingress/rel-sse"));
    }

    @Test
    void envListsAfterACommentLandOnTheirValuesLines() {
        List<String> secrets = findings.stream().filter(f -> f.ruleId().equals("values-no-secrets"))
                .map(f -> f.primary().file() + ":" + f.primary().line()).distinct().sorted().toList();
        assertTrue(secrets.containsAll(List.of("real-shapes/values.yaml:11", "real-shapes/values.yaml:14",
                "real-shapes/values.yaml:17")), secrets.toString());
        assertTrue(secrets.stream().noneMatch(s -> s.contains("templates/gateway.yaml")), secrets.toString());
    }

    @Test
    void aMissingGracePeriodIsNotPinnedOnAnUnrelatedGuard() {
        assertEquals(List.of("real-shapes/templates/worker.yaml:14 parent-key"),
                placed("termination-grace-period", "Deployment/rel-worker"));
    }

    @Test
    void budgetsOfSubchartsAndOtherComponentsAreNotThisWorkloadsSwitch() {
        assertEquals(List.of("real-shapes/charts/fetcher/templates/deployment.yaml:12 exact"),
                placed("pdb-coverage", "Deployment/rel-fetcher"));
        assertEquals(List.of("real-shapes/templates/worker.yaml:12 exact"),
                placed("pdb-coverage", "Deployment/rel-worker"));
        assertEquals(List.of("real-shapes/charts/toolbox/values.yaml:3 values"),
                placed("pdb-coverage", "Deployment/rel-toolbox"));
        assertEquals(List.of("real-shapes/values.yaml:19 values"), placed("pdb-coverage", "Deployment/rel-gateway"));
    }
}
