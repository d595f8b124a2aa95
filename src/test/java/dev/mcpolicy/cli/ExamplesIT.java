package dev.mcpolicy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.report.FormatValidators;
import dev.mcpolicy.report.ReportFormat;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: the packaged jar on the bundled examples (rendered manifests), in every output format, with the
 * outputs approval-tested. The broken example must fail for the reasons {@code examples/broken/EXPECTED.md} claims.
 */
class ExamplesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void approve(String name, String text, String extension) {
        Approvals.verify(text, new Options().withReporter(new QuietReporter()).forFile()
                .withAdditionalInformation(name).forFile().withExtension(extension));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "staging", "production"})
    void goodRendersHaveNoErrors(String environment) throws Exception {
        JarRun run = JarRun.run("check", "-n", "mcp", "examples/rendered/" + environment + ".yaml",
                "-f", "examples/mcp-server/values.yaml", "--format", "json");
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode report = JSON.readTree(run.stdout());
        for (JsonNode finding : report.path("findings")) {
            assertFalse(finding.path("level").asText().equals("error"), "unexpected error: " + finding);
        }
        JsonNode servers = report.path("mcpServers");
        assertTrue(servers.toString().contains("\"Deployment\""), servers.toString());
    }

    /** A fixed clock (JUnit's timestamp) and no GitHub step summary, so outputs are reproducible. */
    static final Map<String, String> REPRODUCIBLE = Map.of("SOURCE_DATE_EPOCH", "1767225600", "COLUMNS", "100");

    static String extension(ReportFormat format) {
        return switch (format) {
            case TEXT, GITHUB -> ".txt";
            case JUNIT -> ".xml";
            case MARKDOWN -> ".md";
            case GITLAB -> ".json";
            default -> "." + format.id();
        };
    }

    /** Every format is checked against what reads it where a schema exists; SARIF by the shared validator in CI. */
    static void validate(ReportFormat format, String output) throws Exception {
        switch (format) {
            case JUNIT -> FormatValidators.junit(output);
            case GITLAB -> FormatValidators.gitlab(output);
            case JSON, SARIF -> JSON.readTree(output);
            default -> {
            }
        }
    }

    @Test
    void brokenExampleInEveryFormat() throws Exception {
        for (ReportFormat format : ReportFormat.values()) {
            JarRun run = JarRun.run(null, REPRODUCIBLE, "check", "-n", "mcp", "examples/broken/rendered.yaml",
                    "-f", "examples/broken/values-leaky.yaml", "--format", format.id());
            assertEquals(1, run.exitCode(), run.stderr());
            validate(format, run.stdout());
            approve("broken-" + format.id(), run.stdout(), extension(format));
        }
    }

    @Test
    void goodExampleInEveryFormat() throws Exception {
        for (ReportFormat format : ReportFormat.values()) {
            JarRun run = JarRun.run(null, REPRODUCIBLE, "check", "-n", "mcp", "examples/rendered/staging.yaml",
                    "-f", "examples/mcp-server/values-staging.yaml", "--format", format.id());
            assertEquals(0, run.exitCode(), run.stderr());
            validate(format, run.stdout());
            approve("staging-" + format.id(), run.stdout(), extension(format));
        }
    }

    /** One run writes every report; each equals what a run of that format alone writes. */
    @Test
    void severalReportsInOneRunMatchSeparateRuns() throws Exception {
        Path out = Files.createTempDirectory("mcpolicy-reports");
        List<String> args = new ArrayList<>(List.of("check", "-n", "mcp", "examples/broken/rendered.yaml",
                "-f", "examples/broken/values-leaky.yaml", "--report", "text"));
        for (ReportFormat format : ReportFormat.values()) {
            if (format != ReportFormat.TEXT) {
                args.add("--report");
                args.add(format.id() + "=" + out.resolve("report" + extension(format) + "." + format.id()));
            }
        }
        JarRun all = JarRun.run(null, REPRODUCIBLE, args.toArray(String[]::new));
        assertEquals(1, all.exitCode(), all.stderr());
        for (ReportFormat format : ReportFormat.values()) {
            JarRun alone = JarRun.run(null, REPRODUCIBLE, "check", "-n", "mcp", "examples/broken/rendered.yaml",
                    "-f", "examples/broken/values-leaky.yaml", "--format", format.id());
            String written = format == ReportFormat.TEXT ? all.stdout()
                    : Files.readString(out.resolve("report" + extension(format) + "." + format.id()));
            assertEquals(alone.stdout(), written, format.id());
        }
    }

    @Test
    void formatAndOutputStillWorkBesideReports() throws Exception {
        Path out = Files.createTempDirectory("mcpolicy-reports");
        JarRun run = JarRun.run(null, REPRODUCIBLE, "check", "examples/broken/rendered.yaml", "--format", "json",
                "-o", out.resolve("r.json").toString(), "--report", "github");
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("::"), run.stdout());
        assertEquals(1, JSON.readTree(out.resolve("r.json").toFile()).path("schemaVersion").asInt());

        JarRun two = JarRun.run("check", "examples/broken/rendered.yaml", "--report", "text", "--report", "json");
        assertEquals(2, two.exitCode());
        assertTrue(two.stderr().contains("only one report can go to stdout"), two.stderr());
    }

    @Test
    void colourIsForcedOrRefusedAndQuietKeepsErrors() throws Exception {
        JarRun plain = JarRun.run("check", "-n", "mcp", "examples/broken/rendered.yaml");
        assertFalse(plain.stdout().contains("\u001b["), "NO_COLOR and no terminal: plain text");
        JarRun forced = JarRun.run("check", "-n", "mcp", "examples/broken/rendered.yaml", "--color", "always");
        assertTrue(forced.stdout().contains("\u001b["), "--color always colours a CI log");
        JarRun never = JarRun.run(null, Map.of("CLICOLOR_FORCE", "1"), "check", "examples/broken/rendered.yaml",
                "--no-color");
        assertFalse(never.stdout().contains("\u001b["), "--no-color wins");
        JarRun quiet = JarRun.run("check", "-n", "mcp", "examples/broken/rendered.yaml", "-q");
        assertEquals(1, quiet.exitCode());
        assertTrue(quiet.stdout().contains(" error ") && !quiet.stdout().contains(" warning "), quiet.stdout());
        assertFalse(quiet.stdout().contains("Findings per rule"), quiet.stdout());
    }

    @Test
    void githubReportAppendsTheMarkdownSummaryToTheStepSummary() throws Exception {
        Path summary = Files.createTempFile("step-summary", ".md");
        Files.writeString(summary, "Earlier step\n");
        Map<String, String> env = new java.util.HashMap<>(REPRODUCIBLE);
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        JarRun run = JarRun.run(null, env, "check", "-n", "mcp", "examples/broken/rendered.yaml", "--report", "github");
        assertEquals(1, run.exitCode(), run.stderr());
        String written = Files.readString(summary);
        assertTrue(written.startsWith("Earlier step\n### mcpolicy: "), written);
        assertTrue(written.contains("| Rule | Level | Findings |"), written);
        JarRun text = JarRun.run(null, env, "check", "-n", "mcp", "examples/broken/rendered.yaml");
        assertEquals(written, Files.readString(summary), "only the github report writes the step summary");
        assertEquals(1, text.exitCode());
    }

    /** Every planted problem of EXPECTED.md is reported by its rule, on its object, on the line it names. */
    @Test
    void brokenExampleFailsForTheReasonsItClaims() throws Exception {
        JarRun run = JarRun.run("check", "-n", "mcp", "examples/broken/rendered.yaml",
                "-f", "examples/broken/values-leaky.yaml", "--format", "json");
        List<String> reported = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(run.stdout()).path("findings")) {
            JsonNode location = finding.path("location");
            Path file = Path.of(location.path("file").asText());
            String line = Files.readAllLines(file).get(location.path("line").asInt() - 1).strip();
            JsonNode object = finding.path("object");
            String objectName = object.isObject() ? object.path("kind").asText() + "/" + object.path("name").asText() : "";
            reported.add(finding.path("ruleId").asText() + " | " + file.getFileName() + " | " + objectName + " | " + line);
        }
        String table = Files.readString(Path.of("examples/broken/EXPECTED.md"));
        Matcher row = Pattern.compile("\\| `([a-z0-9-]+)` \\| `([^`]+)` ?([^|]*?) \\| `([^`]+)` \\|").matcher(
                table.substring(0, table.indexOf("## Traps")));
        int rows = 0;
        while (row.find()) {
            rows++;
            String rule = row.group(1);
            String file = row.group(2);
            String object = row.group(3).strip();
            String lineText = row.group(4);
            boolean found = reported.stream().anyMatch(r -> {
                String[] parts = r.split(" \\| ", 4);
                return parts[0].equals(rule) && parts[1].equals(file) && (object.isEmpty() || parts[2].equals(object))
                        && parts[3].startsWith(lineText);
            });
            assertTrue(found, "not reported: " + row.group() + "\nreported:\n" + String.join("\n", reported));
        }
        assertTrue(rows >= 50, "EXPECTED.md table not found");
    }

    /** The chart-level plants of EXPECTED.md are reported when the broken chart itself is checked. */
    @Test
    void brokenChartFailsForTheChartLevelReasonsItClaims() throws Exception {
        JarRun run = JarRun.run(null, java.util.Map.of(), "check", "-n", "mcp", "--release", "mcp-stack",
                "examples/broken/chart", "-f", "examples/broken/values-leaky.yaml", "--format", "json");
        assertEquals(1, run.exitCode(), run.stderr());
        List<String> reported = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(run.stdout()).path("findings")) {
            JsonNode location = finding.path("location");
            String line = Files.readAllLines(Path.of(location.path("file").asText()))
                    .get(location.path("line").asInt() - 1).strip();
            reported.add(finding.path("ruleId").asText() + " | " + location.path("file").asText() + " | " + line);
        }
        String table = Files.readString(Path.of("examples/broken/EXPECTED.md"));
        Matcher row = Pattern.compile("\\| ([a-z0-9-]+) \\| [^|]+ \\| `([^`]+)` \\| `([^`]+)` \\|")
                .matcher(table.substring(table.indexOf("## Planted in the chart itself")));
        int rows = 0;
        while (row.find()) {
            rows++;
            String prefix = row.group(1) + " | " + row.group(2) + " | " + row.group(3);
            assertTrue(reported.stream().anyMatch(r -> r.startsWith(prefix)),
                    "not reported: " + row.group() + "\nreported:\n" + String.join("\n", reported));
        }
        assertTrue(rows >= 3, "chart-level table not found");
    }

    @Test
    void standardInputIsTheDefaultAndFingerprinted() throws Exception {
        String render = Files.readString(Path.of("examples/broken/rendered.yaml"));
        JarRun run = JarRun.run(render, java.util.Map.of(), "check", "-n", "mcp", "--format", "sarif");
        assertEquals(1, run.exitCode(), run.stderr());
        JsonNode result = JSON.readTree(run.stdout()).path("runs").get(0).path("results").get(0);
        assertEquals("%3Cstdin%3E", result.path("locations").get(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText());
        assertTrue(result.path("partialFingerprints").has("primaryLocationLineHash"));
    }

    @Test
    void brokenYamlIsOneLineWithExitCodeTwoAndOtherDocumentsStillChecked() throws Exception {
        String render = Files.readString(Path.of("examples/broken/rendered.yaml"))
                + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n";
        JarRun run = JarRun.run(render, java.util.Map.of(), "check", "-n", "mcp", "-");
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().lines().anyMatch(l -> l.startsWith("<stdin>:")), run.stderr());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
        assertTrue(run.stdout().contains("sse-read-timeout"), "other documents must still be checked");
    }

    @Test
    void sourceRootMakesPathsRepositoryRelativeFromAnyFolder() throws Exception {
        Path elsewhere = Files.createTempDirectory("mcpolicy-cwd");
        JarRun run = JarRun.runIn(elsewhere, null, java.util.Map.of(), "check", "--source-root", JarRun.REPO.toString(),
                JarRun.REPO.resolve("examples/broken/rendered.yaml").toString(), "--format", "sarif");
        JsonNode sarif = JSON.readTree(run.stdout()).path("runs").get(0);
        JsonNode result = sarif.path("results").get(0);
        assertEquals("examples/broken/rendered.yaml", result.path("locations").get(0).path("physicalLocation")
                .path("artifactLocation").path("uri").asText());
        assertTrue(result.path("partialFingerprints").has("primaryLocationLineHash"), result.toString());
        assertTrue(sarif.path("invocations").get(0).path("executionSuccessful").asBoolean());
    }

    @Test
    void unreadablePathIsExitCodeTwo() throws Exception {
        JarRun run = JarRun.run("check", "does/not/exist.yaml");
        assertEquals(2, run.exitCode());
        assertEquals("does/not/exist.yaml:1:1: file not found", run.stderr().strip().lines().findFirst().orElse(""));
    }

    @Test
    void badOptionIsOneLineWithExitCodeTwo() throws Exception {
        JarRun run = JarRun.run("check", "--format", "xml", "examples/rendered/default.yaml");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().contains("see 'mcpolicy check --help'"), run.stderr());
    }

    @Test
    void chartOptionsWithoutAChartAreOneUsageLine() throws Exception {
        JarRun run = JarRun.run("check", "examples/rendered/staging.yaml", "--env", "staging=missing.yaml");
        assertEquals(2, run.exitCode());
        assertEquals("mcpolicy check: --env applies to charts only, and no PATH is a chart (a folder with Chart.yaml, or"
                + " one holding charts); see 'mcpolicy check --help'", run.stderr().strip());
        assertEquals("", run.stdout());
    }

    /** A failed helm template piped in is an empty stdin: exit 2, and no "No findings." next to the problem. */
    @Test
    void emptyStandardInputIsExitTwo() throws Exception {
        JarRun run = JarRun.run("", java.util.Map.of(), "check", "-");
        assertEquals(2, run.exitCode(), run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith("<stdin>:1:1: standard input is empty"), run.stderr());
        assertFalse(run.stdout().contains("No findings."), run.stdout());
    }

    /** examples/broken holds chart/ next to its render: the chart is rendered, its templates never parsed as YAML. */
    @Test
    void aFolderHoldingAChartChecksTheChartAndTheRenderBesideIt() throws Exception {
        JarRun run = JarRun.run("check", "-n", "mcp", "examples/broken", "-f", "examples/broken/values-leaky.yaml",
                "--format", "json");
        assertEquals(1, run.exitCode(), run.stderr());
        JsonNode report = JSON.readTree(run.stdout());
        for (JsonNode problem : report.path("problems")) {
            assertEquals("note", problem.path("severity").asText(), problem.toString());
        }
        List<String> files = new ArrayList<>();
        report.path("findings").forEach(f -> files.add(f.path("location").path("file").asText()));
        assertTrue(files.contains("examples/broken/rendered.yaml"), files.toString());
        assertTrue(files.contains("examples/broken/chart/Chart.yaml"), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("examples/broken/chart/templates/")), files.toString());
    }

    @Test
    void failOnNeverAlwaysExitsZeroOnFindings() throws Exception {
        JarRun run = JarRun.run("check", "--fail-on", "never", "examples/broken/rendered.yaml");
        assertEquals(0, run.exitCode(), run.stderr());
    }

    @Test
    void rulesListAndShow() throws Exception {
        JarRun list = JarRun.run("rules");
        assertEquals(0, list.exitCode());
        assertTrue(list.stdout().contains("sse-read-timeout"), list.stdout());
        JarRun show = JarRun.run("rules", "show", "termination-grace-period");
        assertEquals(0, show.exitCode());
        assertTrue(show.stdout().contains("## Parameters") && show.stdout().contains("minSeconds"), show.stdout());
        JarRun unknown = JarRun.run("rules", "show", "no-such-rule");
        assertEquals(2, unknown.exitCode());
    }
}
