package dev.mcpolicy.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartInfoTest {
    private static final Path CHARTS = RealHelm.chartsDirectory();

    @Test
    void readsChartYamlWhoseNameDiffersFromTheFolder() throws ChartException {
        ChartInfo chart = ChartInfo.read(CHARTS.resolve("mcp-gateway"));
        assertEquals("mcp-server", chart.name());
        assertEquals("0.4.0", chart.version());
        assertEquals("v2", chart.apiVersion());
        assertEquals("1.8.2", chart.appVersion());
        assertEquals(CHARTS.resolve("mcp-gateway/values.yaml"), chart.valuesFile());
        assertTrue(chart.dependencies().isEmpty());
        assertTrue(chart.subcharts().isEmpty());
    }

    @Test
    void readsSubchartsAndFindsThemByAliasOrName() throws ChartException {
        ChartInfo chart = ChartInfo.read(CHARTS.resolve("umbrella"));
        assertEquals(List.of("audit-sink", "session-cache"), chart.subcharts().stream().map(ChartInfo.Subchart::name).toList());
        assertEquals(CHARTS.resolve("umbrella/charts/cache"), chart.subchartNamed("sessions").orElseThrow().location());
        assertEquals(CHARTS.resolve("umbrella/charts/audit"), chart.subchartNamed("audit-sink").orElseThrow().location());
        assertEquals("sessions", chart.dependencies().get(0).effectiveName());
        assertTrue(chart.missingDependencies().isEmpty());
        assertTrue(chart.subchartNamed("postgresql").isEmpty());
    }

    @Test
    void dependenciesWithoutAChartsEntryAreMissing() throws ChartException {
        ChartInfo chart = ChartInfo.read(CHARTS.resolve("needs-deps"));
        assertEquals(List.of("postgresql"), chart.missingDependencies().stream().map(ChartInfo.Dependency::name).toList());
        assertNull(chart.valuesFile());
    }

    @Test
    void packedSubchartsAreKnownByTheirArchiveName(@TempDir Path dir) throws IOException, ChartException {
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n"
                + "dependencies:\n  - name: my-redis2\n    version: 17.3.1\n");
        Files.createDirectories(dir.resolve("charts"));
        Files.write(dir.resolve("charts/my-redis2-17.3.1.tgz"), new byte[]{0x1f, (byte) 0x8b});

        ChartInfo chart = ChartInfo.read(dir);
        ChartInfo.Subchart sub = chart.subcharts().get(0);
        assertEquals("my-redis2", sub.name());
        assertTrue(sub.packed());
        assertTrue(chart.missingDependencies().isEmpty());
        assertEquals("redis", ChartInfo.archiveChartName("redis-v1.2.3-rc.1.tgz"));
    }

    @Test
    void badChartYamlIsAnExceptionWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: [unclosed\nversion: 1\n");
        ChartException e = assertThrows(ChartException.class, () -> ChartInfo.read(dir));
        assertTrue(e.getMessage().matches(".*Chart\\.yaml:\\d+:\\d+: invalid YAML.*"), e.getMessage());
        assertTrue(e.getMessage().contains("Chart.yaml:3:") || e.getMessage().contains("Chart.yaml:4:")
                || e.getMessage().contains("Chart.yaml:2:"), e.getMessage());
    }

    @Test
    void aFolderWithoutChartYamlIsNotAChart(@TempDir Path dir) throws IOException {
        ChartException e = assertThrows(ChartException.class, () -> ChartInfo.read(dir));
        assertTrue(e.getMessage().contains("no Chart.yaml"), e.getMessage());
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nversion: 1.0.0\n");
        assertTrue(assertThrows(ChartException.class, () -> ChartInfo.read(dir)).getMessage().contains("no 'name'"));
    }
}
