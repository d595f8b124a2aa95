package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.manifest.InputProblem;

import java.util.HashSet;
import java.util.Set;

/** The counts every report ends with. */
public record Summary(int errors, int warnings, int notes, int filesWithFindings, int mcpServers, int workloads,
                      int inputErrors, int inputNotes) {

    public static Summary of(RunResult run) {
        int errors = 0;
        int warnings = 0;
        int notes = 0;
        Set<String> files = new HashSet<>();
        for (Finding finding : run.findings()) {
            switch (finding.level()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case NOTE -> notes++;
            }
            files.add(finding.primary().file());
        }
        int servers = (int) run.decisions().stream().filter(ServerDecision::mcpServer).count();
        int inputErrors = (int) run.problems().stream()
                .filter(p -> p.severity() == InputProblem.Severity.ERROR).count();
        return new Summary(errors, warnings, notes, files.size(), servers, run.decisions().size(),
                inputErrors, run.problems().size() - inputErrors);
    }

    public int findings() {
        return errors + warnings + notes;
    }

    /** {@code 3 errors, 1 warning, 0 notes in 2 files; 2 MCP servers}, plus input problems when there are any. */
    public String oneLine() {
        StringBuilder line = new StringBuilder()
                .append(count(errors, "error", "errors")).append(", ")
                .append(count(warnings, "warning", "warnings")).append(", ")
                .append(count(notes, "note", "notes")).append(" in ")
                .append(count(filesWithFindings, "file", "files")).append("; ")
                .append(count(mcpServers, "MCP server", "MCP servers"));
        if (inputErrors > 0) {
            line.append("; ").append(count(inputErrors, "input error", "input errors"));
        }
        if (inputNotes > 0) {
            line.append("; ").append(count(inputNotes, "input note", "input notes"));
        }
        return line.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
