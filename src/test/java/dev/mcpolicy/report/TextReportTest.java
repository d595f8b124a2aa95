package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
        assertTrue(text.contains("\u001b[1;31merror\u001b[0m"));
        Approval.verify(text.replace("\u001b", "<ESC>"), ".txt");
    }

    @Test
    void emptyRun() {
        Approval.verify(SampleRun.render(new TextReport(), SampleRun.empty(), context()), ".txt");
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
        assertTrue(text.contains(escaped + ":2:3  error"), text);
        assertTrue(text.contains(escaped + ":4:5  error    broken"), text);
        assertFalse(text.contains("\u001b"), text);
        assertTrue(text.lines().noneMatch(line -> line.startsWith("b")), text);
    }
}
