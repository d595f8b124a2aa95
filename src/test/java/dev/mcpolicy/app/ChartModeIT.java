package dev.mcpolicy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.chart.RealHelm;
import dev.mcpolicy.cli.EndToEnd;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chart mode end to end: {@code java -jar target/mcpolicy.jar check} on the example charts with the real helm, in
 * every report format (approved files next to this test), and every finding placed on a committed source line.
 * Runs after {@code mvn package} (failsafe); without helm it fails on CI and is skipped elsewhere.
 */
class ChartModeIT {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> MAPPINGS = Set.of("exact", "parent-key", "include-call", "values", "document");

    private static final String[] GOOD = {"check", "examples/mcp-server",
            "--env", "staging=examples/mcp-server/values-staging.yaml",
            "--env", "production=examples/mcp-server/values-production.yaml", "--no-color"};
    private static final String[] BROKEN = {"check", "examples/broken/chart", "-f", "examples/broken/values-leaky.yaml",
            "--no-color"};

    private static EndToEnd.Run check(String[] arguments, String format) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--format", format));
        return EndToEnd.run(EndToEnd.mcpolicy(all.toArray(String[]::new)),
                Map.of("MCPOLICY_HELM", RealHelm.binary().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "json", "sarif"})
    void theGoodChartAcrossStagingAndProduction(String format) throws Exception {
        EndToEnd.Run run = check(GOOD, format);
        assertEquals(0, run.exitCode(), run.describe());
        approve(stable(run.stdout(), format), format);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "json", "sarif"})
    void theBrokenChartWithLeakyValues(String format) throws Exception {
        EndToEnd.Run run = check(BROKEN, format);
        assertEquals(1, run.exitCode(), run.describe());
        approve(stable(run.stdout(), format), format);
    }

    @Test
    void everyFindingSitsOnACommittedTemplateOrValuesLine() throws Exception {
        Set<String> mappings = new TreeSet<>();
        for (String[] arguments : List.of(GOOD, BROKEN)) {
            JsonNode report = JSON.readTree(check(arguments, "json").stdout());
            for (JsonNode finding : report.path("findings")) {
                JsonNode location = finding.path("location");
                assertOnCommittedLine(location, finding);
                mappings.add(location.path("mapping").asText());
                JsonNode rendered = finding.path("renderedLocation");
                if (!rendered.isMissingNode() && !rendered.isNull()) {
                    assertTrue(rendered.path("file").asText().startsWith("<helm template "), finding.toString());
                }
            }
            JsonNode sarif = JSON.readTree(check(arguments, "sarif").stdout());
            for (JsonNode result : sarif.path("runs").path(0).path("results")) {
                JsonNode physical = result.path("locations").path(0).path("physicalLocation");
                String uri = physical.path("artifactLocation").path("uri").asText();
                assertTrue(Files.isRegularFile(EndToEnd.repositoryRoot().resolve(uri)), "SARIF result on " + uri);
            }
        }
        assertTrue(MAPPINGS.containsAll(mappings), "unknown mapping kinds: " + mappings);
        assertTrue(mappings.containsAll(Set.of("exact", "values")), "expected template and values mappings: " + mappings);
    }

    private static void assertOnCommittedLine(JsonNode location, JsonNode finding) throws Exception {
        String file = location.path("file").asText();
        assertTrue(file.startsWith("examples/"), "not a file of the examples: " + file + " in " + finding);
        Path path = EndToEnd.repositoryRoot().resolve(file);
        assertTrue(Files.isRegularFile(path), "no such file: " + file);
        int line = location.path("line").asInt();
        long lines = Files.readAllLines(path).size();
        assertTrue(line >= 1 && line <= lines, file + " has no line " + line);
        assertTrue(MAPPINGS.contains(location.path("mapping").asText()), finding.toString());
    }

    /** The report without what changes with the build or the rule pack: tool version, the SARIF rule catalogue. */
    private static String stable(String output, String format) throws Exception {
        if (format.equals("text")) {
            return output;
        }
        JsonNode report = JSON.readTree(output);
        if (format.equals("json")) {
            ((ObjectNode) report.path("tool")).put("version", "<version>");
        } else {
            for (JsonNode sarifRun : report.path("runs")) {
                ObjectNode driver = (ObjectNode) sarifRun.path("tool").path("driver");
                driver.remove("rules");
                driver.put("version", "<version>");
                driver.remove("semanticVersion");
                for (JsonNode result : sarifRun.path("results")) {
                    ((ObjectNode) result).remove("ruleIndex");
                }
            }
        }
        return JSON.writeValueAsString(report) + "\n";
    }

    private static void approve(String text, String format) {
        String extension = switch (format) {
            case "json" -> ".json";
            case "sarif" -> ".sarif";
            default -> ".txt";
        };
        Approvals.verify(text, new Options().withReporter(new QuietReporter())
                .forFile().withAdditionalInformation(format)
                .forFile().withExtension(extension));
    }
}
