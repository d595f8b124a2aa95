package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.ServerDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReportTest {
    @TempDir
    Path repository;

    private ReportContext context() {
        SampleRun.writeFiles(repository);
        return ReportContext.of(SampleRun.TOOL, SampleRun.rules()).withBaseDirectory(repository);
    }

    @Test
    void sampleRunInPlainText() {
        String text = SampleRun.render(new TextReport(), SampleRun.run(), context());
        assertFalse(text.contains("\u001b"), "no escape sequences without colour");
        Approval.verify(text, ".txt");
    }

    @Test
    void sampleRunInColour() {
        String text = SampleRun.render(new TextReport(), SampleRun.run(), context().withColour(true));
        assertTrue(text.contains("\u001b[1m\u001b[31merror\u001b[0m"), text);
        Approval.verify(text.replace("\u001b", "<ESC>"), ".txt");
    }

    @Test
    void emptyRun() {
        Approval.verify(SampleRun.render(new TextReport(), SampleRun.empty(), context()), ".txt");
    }

    /** "No findings." next to input problems would read as a pass of input that was never checked. */
    @Test
    void noFindingsIsNeverSaidNextToInputProblems() {
        RunResult problemsOnly = new RunResult(List.of("-"), List.of(), List.of(), List.of(
                dev.mcpolicy.manifest.InputProblem.error("<stdin>", 1, 1, "standard input is empty")));
        String text = SampleRun.render(new TextReport(), problemsOnly, context());
        assertFalse(text.contains("No findings."), text);
        assertTrue(text.contains("standard input is empty"), text);
        assertTrue(SampleRun.render(new TextReport(), SampleRun.empty(), context()).contains("No findings."));
    }

    @Test
    void summaryLineCountsLevelsFilesAndServers() {
        String text = SampleRun.render(new TextReport(), SampleRun.run(), context());
        String[] lines = text.split("\n");
        assertEquals("3 errors, 3 warnings, 1 note in 3 files; 1 MCP server; 1 input error; 1 input note",
                lines[lines.length - 1]);
    }

    @Test
    void inputCannotInjectEscapeSequencesOrLineBreaks() {
        Finding hostile = new Finding("sse-read-timeout", Level.ERROR, "bad\u001b[2J\nsecond line",
                new Location("x.yaml", 1, 1, 0, Location.EXACT), null,
                new ObjectRef("v1", "Service", "evil\u001b]0;title\u0007", null), "", null,
                List.of(), List.of(), Map.of());
        RunResult run = new RunResult(List.of("x.yaml"), List.of(hostile), List.of(), List.of());
        String text = SampleRun.render(new TextReport(), run, context().withColour(true));
        assertFalse(text.contains("\u001b[2J"));
        assertTrue(text.contains("bad?[2J second line"));
    }

    @Test
    void inferredFindingsAreMarkedAndExplainedOnce() {
        List<Finding> findings = SampleRun.run().findings().stream()
                .map(f -> f.withCertainty(dev.mcpolicy.finding.Certainty.INFERRED)).toList();
        RunResult run = new RunResult(List.of("deploy/"), findings, List.of(), List.of());
        String text = SampleRun.render(new TextReport(), run, context());
        assertEquals(findings.size(), text.split("\\[inferred]", -1).length - 1, text);
        assertEquals(1, text.replaceAll("\\s+", " ").split("no workload of their render carries an MCP marker", -1).length - 1,
                text);
        String certain = SampleRun.render(new TextReport(), SampleRun.run(), context());
        assertFalse(certain.contains("[inferred]") || certain.contains("MCP marker"), certain);
    }

    private static Finding finding(String rule, Level level, String file, int line, String message) {
        return new Finding(rule, level, message, new Location(file, line, 3, 0, Location.EXACT), null,
                new ObjectRef("v1", "Service", "web", "mcp"), "", null, List.of(), List.of(), Map.of());
    }

    private String render(RunResult run, ReportContext.TextOptions options) {
        return SampleRun.render(new TextReport(), run, context().withText(options));
    }

    @Test
    void twoFindingsOnOneLineKeepTheirOwnEntries() {
        RunResult run = new RunResult(List.of("x.yaml"), List.of(
                finding("stream-timeout-kong", Level.ERROR, "x.yaml", 7, "Kong closes the read side; set read-timeout."),
                finding("stream-timeout-kong", Level.ERROR, "x.yaml", 7, "Kong closes the write side; set write-timeout.")),
                List.of(), List.of());
        String text = render(run, ReportContext.TextOptions.DEFAULT);
        assertEquals(1, text.lines().filter(l -> l.contains("set read-timeout.")).count(), text);
        assertEquals(1, text.lines().filter(l -> l.contains("set write-timeout.")).count(), text);
        assertFalse(text.lines().anyMatch(l -> l.contains("read-timeout") && l.contains("write-timeout")), text);
    }

    @Test
    void linesFitTheWidthWithAHangingIndentAndThePathOnlyInTheHeading() {
        for (int width : new int[]{60, 80, 120}) {
            String text = render(SampleRun.run(), new ReportContext.TextOptions(width, true, false));
            for (String line : text.lines().toList()) {
                boolean oneLongWord = line.strip().indexOf(' ') < 0
                        || line.strip().startsWith("= ") && line.strip().indexOf(' ', 2) < 0;
                assertTrue(line.length() <= width || oneLongWord, width + ": " + line);
            }
            List<String> lines = text.lines().toList();
            int heading = lines.indexOf(SampleRun.MANIFESTS);
            assertTrue(heading >= 0, text);
            int end = heading + 1;
            while (end < lines.size() && !lines.get(end).isEmpty()) {
                end++;
            }
            for (String line : lines.subList(heading + 1, end)) {
                assertFalse(line.contains(SampleRun.MANIFESTS + ":"), "path repeated under its heading: " + line);
            }
        }
        String narrow = render(SampleRun.run(), new ReportContext.TextOptions(90, false, false));
        List<String> lines = narrow.lines().toList();
        int entry = lines.indexOf(lines.stream().filter(l -> l.contains("hpa-scale-down-stabilization  Horizontal"))
                .findFirst().orElseThrow());
        int messageColumn = lines.get(entry).indexOf("HorizontalPodAutoscaler");
        assertEquals(messageColumn, lines.get(entry + 1).length() - lines.get(entry + 1).stripLeading().length(),
                "continuation lines hang under the message:\n" + narrow);
    }

    @Test
    void jsonLikeWordsAreNeverBroken() {
        String pointer = "spec.behavior.scaleDown.policies[0].periodSeconds={\"type\":\"Pods\",\"value\":1}";
        RunResult run = new RunResult(List.of("x.yaml"), List.of(
                finding("hpa-scale-down-rate", Level.WARNING, "x.yaml", 3, "Set " + pointer + " so pods leave slowly.")),
                List.of(), List.of());
        String text = render(run, new ReportContext.TextOptions(50, false, false));
        assertTrue(text.lines().anyMatch(l -> l.strip().equals(pointer)), text);
    }

    @Test
    void quietShowsOnlyErrorsAndTheSummary() {
        String text = render(SampleRun.run(), new ReportContext.TextOptions(100, false, true));
        assertTrue(text.contains("sse-read-timeout"), text);
        assertFalse(text.contains("termination-grace-period"), "warnings are left out: " + text);
        assertFalse(text.contains("pdb-coverage"), "notes are left out: " + text);
        assertFalse(text.contains("Findings per rule"), text);
        assertFalse(text.contains("MCP-server decisions"), text);
        assertTrue(text.strip().endsWith("1 input error; 1 input note"), text);
    }

    @Test
    void decisionsOnlyWithVerboseOrWhenInferred() {
        assertFalse(render(SampleRun.run(), ReportContext.TextOptions.DEFAULT).contains("decisions"));
        String verbose = render(SampleRun.run(), new ReportContext.TextOptions(100, true, false));
        assertTrue(verbose.contains("MCP-server decisions") && verbose.contains("Deployment/web"), verbose);

        List<ServerDecision> inferred = new ArrayList<>();
        for (int i = 0; i < TextReport.MAX_DECISIONS + 12; i++) {
            inferred.add(new ServerDecision(new ObjectRef("apps/v1", "Deployment", "app-" + i, "ns"),
                    new Location("x.yaml", 10 * i + 1, 1, 0, Location.EXACT), true, "no marker", true));
        }
        RunResult run = new RunResult(List.of("x.yaml"), List.of(
                finding("replica-count", Level.WARNING, "x.yaml", 4, "Deployment/app-0 runs 1 replica.")
                        .withCertainty(dev.mcpolicy.finding.Certainty.INFERRED)),
                inferred, List.of());
        String text = render(run, ReportContext.TextOptions.DEFAULT);
        assertTrue(text.contains("Inferred MCP servers"), text);
        assertTrue(text.contains("and 12 more (--verbose lists every decision)"), text);
        assertEquals(1, text.replaceAll("\\s+", " ").split("no workload of their render carries an MCP marker", -1)
                .length - 1, "the explanation is given once per report:\n" + text);
    }

    @Test
    void relatedPlacesAreCappedAndCountsPerRuleComeLast() {
        List<Finding.RelatedLocation> related = new ArrayList<>();
        for (int i = 0; i < TextReport.MAX_RELATED + 12; i++) {
            related.add(new Finding.RelatedLocation(new Location("other.yaml", i + 1, 1, 0, Location.EXACT),
                    "PodDisruptionBudget/pdb-" + i + " selects other pods"));
        }
        Finding covered = new Finding("pdb-coverage", Level.ERROR, "Deployment/web has no budget.",
                new Location("x.yaml", 2, 1, 0, Location.EXACT), null, null, "", null, related, List.of(), Map.of());
        RunResult run = new RunResult(List.of("x.yaml"), List.of(covered,
                finding("replica-count", Level.WARNING, "x.yaml", 4, "Deployment/web runs 1 replica."),
                finding("replica-count", Level.WARNING, "x.yaml", 9, "Deployment/api runs 1 replica.")),
                List.of(), List.of());
        String text = render(run, ReportContext.TextOptions.DEFAULT);
        assertTrue(text.contains("and 12 more related places"), text);
        assertFalse(text.contains("pdb-" + TextReport.MAX_RELATED + " "), text);
        List<String> lines = text.lines().toList();
        int counts = lines.indexOf("Findings per rule");
        assertTrue(counts > 0, text);
        assertEquals("  1  error    pdb-coverage", lines.get(counts + 1));
        assertEquals("  2  warning  replica-count", lines.get(counts + 2));
    }

    /** A newline in a file name used to start a line of its own that looked like a finding or a problem. */
    @Test
    void fileNamesWithControlCharactersStayOnTheirLineEscaped() {
        String file = "a.yaml:1:1: forged\nb\u001b[31m.yaml";
        Finding finding = new Finding("sse-read-timeout", Level.ERROR, "message",
                new Location(file, 2, 3, 0, Location.EXACT), null, null, "", null, List.of(), List.of(), Map.of());
        RunResult run = new RunResult(List.of(file), List.of(finding), List.of(),
                List.of(dev.mcpolicy.manifest.InputProblem.error(file, 4, 5, "broken")));
        String text = SampleRun.render(new TextReport(), run, context());
        String escaped = "a.yaml:1:1: forged\\nb\\u001b[31m.yaml";
        assertTrue(text.lines().anyMatch(escaped::equals), "the file's heading, escaped: " + text);
        assertTrue(text.contains("\n  2:3  error"), text);
        assertTrue(text.contains(escaped + ":4:5  error    broken"), text);
        assertFalse(text.contains("\u001b"), text);
        assertTrue(text.lines().noneMatch(line -> line.startsWith("b")), text);
    }
}
