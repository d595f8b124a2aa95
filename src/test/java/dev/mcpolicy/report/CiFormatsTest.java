package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.manifest.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The formats CI systems read (JUnit, GitHub workflow commands, GitLab Code Quality, Markdown), each checked against
 * what consumes it: the Ant JUnit XSD, GitLab's documented field list as a JSON Schema, GitHub's escaping rules.
 */
class CiFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RUN_TIME = Instant.parse("2026-03-01T12:30:45Z");

    @TempDir
    Path repository;

    private ReportContext context() {
        SampleRun.writeFiles(repository);
        return ReportContext.of(SampleRun.TOOL, SampleRun.rules()).withBaseDirectory(repository)
                .withGeneratedAt(RUN_TIME);
    }

    /** Findings and problems whose every text tries to break out of its format. */
    static RunResult hostileRun() {
        String message = "100% broken,\r\n::error file=evil.yaml::injected <script>alert(1)</script> | cell | `code` "
                + "& \"quotes\" ]]> \u0000\u0007\u001b[2J\ud800 end";
        ObjectRef object = new ObjectRef("v1", "Service", "a,b:c%d\n::warning::x", "ns");
        Finding hostile = new Finding("sse-read-timeout", Level.ERROR, message,
                new Location("dir,with:odd%chars/file\nname.yaml", 3, 5, 9, Location.EXACT), null, object, "/spec",
                null, List.of(), List.of("staging,prod", "a:b"), Map.of());
        Finding twin = new Finding("sse-read-timeout", Level.WARNING, "Second finding on the same object and pointer.",
                new Location("dir,with:odd%chars/file\nname.yaml", 8, 1, 0, Location.EXACT), null, object, "/spec",
                null, List.of(), List.of(), Map.of());
        InputProblem problem = InputProblem.error("bad\r\nfile.yaml", 2, 1, "YAML error: %0A and\nnewline, comma: colon");
        return new RunResult(List.of("x"), List.of(hostile, twin), List.of(), List.of(problem));
    }

    // ---- JUnit -------------------------------------------------------------------------------------------------

    @Test
    void junitSampleRun() {
        String xml = SampleRun.render(new JunitReport(), SampleRun.run(), context());
        FormatValidators.junit(xml);
        Approval.verify(xml, ".xml");
    }

    @Test
    void junitIsValidForEmptyAndHostileRunsAndCountsEveryRule() {
        String empty = SampleRun.render(new JunitReport(), SampleRun.empty(), context());
        FormatValidators.junit(empty);
        assertEquals(SampleRun.rules().size(), empty.split("<testsuite ", -1).length - 1);
        assertFalse(empty.contains("<failure"), empty);

        String hostile = SampleRun.render(new JunitReport(), hostileRun(), context());
        FormatValidators.junit(hostile);
        assertFalse(hostile.contains("<script>"), hostile);
        assertTrue(hostile.contains("failures=\"1\""), "two findings on one object are one failing test case");
        assertTrue(hostile.contains("<error message="), "input errors are errored test cases");
        assertTrue(hostile.contains("timestamp=\"2026-03-01T12:30:45\""), hostile);
    }

    @Test
    void junitFailuresCarryPlaceAndHelp() {
        String xml = SampleRun.render(new JunitReport(), SampleRun.run(), context().withHelpBaseUrl("https://example.com/r/"));
        assertTrue(xml.contains("deploy/mcp-server.yaml:31:53: error: Ingress/mcp-gateway closes idle streams"), xml);
        assertTrue(xml.contains("How to fix: Raise `nginx.ingress.kubernetes.io/proxy-read-timeout`"), xml);
        assertTrue(xml.contains("Rule documentation: https://example.com/r/sse-read-timeout.md"), xml);
    }

    // ---- GitHub workflow commands -----------------------------------------------------------------------------

    @Test
    void githubSampleRun() {
        Approval.verify(SampleRun.render(new GithubReport(), SampleRun.run(), context()), ".txt");
    }

    @Test
    void workflowCommandEscapingIsGithubsToolkitEscaping() {
        assertEquals("100%25 done%0D%0Anext", WorkflowCommands.escapeData("100% done\r\nnext"));
        assertEquals("a%2Cb%3Ac%25d%0Ae", WorkflowCommands.escapeProperty("a,b:c%d\ne"));
        assertEquals("::warning file=a%2Cb.yaml,line=3,title=t%3A x::msg: a, b",
                WorkflowCommands.command("warning", new java.util.LinkedHashMap<>(Map.of("file", "a,b.yaml")) {{
                    put("line", "3");
                    put("title", "t: x");
                }}, "msg: a, b"));
    }

    @Test
    void hostileMessagesAndPathsCannotEndOrStartACommand() {
        String output = SampleRun.render(new GithubReport(), hostileRun(), context());
        List<String> lines = output.lines().toList();
        assertEquals(4, lines.size(), "one line per finding, per problem, and the summary:\n" + output);
        for (String line : lines.subList(0, 3)) {
            assertTrue(line.startsWith("::error ") || line.startsWith("::warning "), line);
            int separator = line.indexOf("::", 2);
            String properties = line.substring(line.indexOf(' ') + 1, separator);
            String data = line.substring(separator + 2);
            assertFalse(data.contains("\r") || data.contains("\n"), line);
            assertFalse(data.contains("::error") && !data.contains("%0A::error"), line);
            for (String property : properties.split(",")) {
                String value = property.substring(property.indexOf('=') + 1);
                assertFalse(value.contains(":") || value.contains(","), "unescaped separator in " + property);
            }
        }
        assertTrue(lines.get(0).contains("file=dir%2Cwith%3Aodd%25chars/file%0Aname.yaml"), lines.get(0));
        assertTrue(lines.get(0).contains("::100%25 broken%2C") || lines.get(0).contains("::100%25 broken,"),
                lines.get(0));
        assertTrue(lines.get(0).contains("%0D%0A::error file=evil.yaml::injected"), lines.get(0));
        assertFalse(lines.get(3).startsWith("::"), "the summary is plain text: " + lines.get(3));
    }

    // ---- GitLab Code Quality ----------------------------------------------------------------------------------

    @Test
    void gitlabSampleRun() throws IOException {
        String json = SampleRun.render(new GitlabReport(), SampleRun.run(), context());
        FormatValidators.gitlab(json);
        JsonNode first = JSON.readTree(json).get(0);
        assertEquals("charts/mcp-server/templates/ingress.yaml", first.at("/location/path").asText());
        Approval.verify(json, ".json");
    }

    @Test
    void gitlabIsValidForEmptyAndHostileRunsWithUniqueFingerprints() throws IOException {
        FormatValidators.gitlab(SampleRun.render(new GitlabReport(), SampleRun.empty(), context()));
        String hostile = SampleRun.render(new GitlabReport(), hostileRun(), context());
        FormatValidators.gitlab(hostile);
        JsonNode issues = JSON.readTree(hostile);
        assertEquals(3, issues.size(), "two findings with one semantic identity plus the input error");
        assertEquals("blocker", issues.get(2).get("severity").asText());
    }

    @Test
    void gitlabFingerprintsSurviveMovedLines() throws IOException {
        RunResult before = SampleRun.run();
        List<Finding> moved = before.findings().stream().map(f -> new Finding(f.ruleId(), f.level(), f.message(),
                new Location(f.primary().file(), f.primary().line() + 5, f.primary().column(), 0,
                        f.primary().mapping()), f.rendered(), f.object(), f.pointer(), f.helmSource(), f.related(),
                f.environments(), f.properties())).toList();
        RunResult after = new RunResult(before.inputs(), moved, before.decisions(), before.problems());
        JsonNode a = JSON.readTree(SampleRun.render(new GitlabReport(), before, context()));
        JsonNode b = JSON.readTree(SampleRun.render(new GitlabReport(), after, context()));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).get("fingerprint"), b.get(i).get("fingerprint"));
        }
    }

    // ---- Markdown ---------------------------------------------------------------------------------------------

    @Test
    void markdownSampleRun() {
        Approval.verify(SampleRun.render(new MarkdownReport(), SampleRun.run(),
                context().withHelpBaseUrl("https://example.com/mcpolicy/docs/rules/")), ".md");
    }

    @Test
    void markdownEscapesTableCellsAndMarkup() {
        String md = SampleRun.render(new MarkdownReport(), hostileRun(), context());
        assertFalse(md.contains("<script>"), md);
        List<String> rows = md.lines().filter(l -> l.startsWith("| error") || l.startsWith("| warning")).toList();
        assertEquals(2, rows.size(), md);
        for (String row : rows) {
            assertEquals(6, row.split("(?<!\\\\)\\|", -1).length, "a row has four cells: " + row);
        }
        assertTrue(md.contains("<details><summary>Input problems (1)</summary>"), md);
    }

    @Test
    void markdownCapsTheTable() {
        List<Finding> many = new java.util.ArrayList<>();
        for (int i = 0; i < MarkdownReport.MAX_ROWS + 7; i++) {
            many.add(new Finding("replica-count", Level.WARNING, "Deployment/app-" + i + " runs 1 replica.",
                    new Location("x.yaml", i + 1, 1, 0, Location.EXACT), null, null, "", null, List.of(), List.of(),
                    Map.of()));
        }
        String md = SampleRun.render(new MarkdownReport(), new RunResult(List.of("x"), many, List.of(), List.of()),
                context());
        assertEquals(MarkdownReport.MAX_ROWS, md.lines().filter(l -> l.startsWith("| warning | `x.yaml:")).count());
        assertTrue(md.contains("7 more findings are not shown here"), md);
    }

    // ---- every format --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatIsDeterministicAndNeverPrintsAnEscapeSequenceOfTheInput(ReportFormat format) {
        String once = SampleRun.render(format.create(), hostileRun(), context());
        String twice = SampleRun.render(format.create(), hostileRun(), context());
        assertEquals(once, twice);
        assertFalse(once.contains("\u001b[2J"), format + ":\n" + once);
    }
}
