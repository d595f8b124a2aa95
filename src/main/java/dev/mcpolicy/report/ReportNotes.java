package dev.mcpolicy.report;

import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.ServerDecision;

import java.util.ArrayList;
import java.util.List;

/**
 * Explanations a report gives once, however many findings they concern (rather than repeating a sentence in every
 * message). Reports for people (text, Markdown) print them before the totals.
 */
final class ReportNotes {
    static final String INFERRED_SERVERS = "No workload carries an MCP marker, so every long-running workload was"
            + " treated as an MCP server and the MCP rules report warnings instead of errors. Annotate the server"
            + " with mcpolicy.dev/mcp-server: \"true\" (or \"false\" to opt a workload out) for the full verdict.";

    private ReportNotes() {
    }

    static List<String> of(RunResult run) {
        List<String> notes = new ArrayList<>();
        if (run.decisions().stream().anyMatch(ServerDecision::inferred)) {
            notes.add(INFERRED_SERVERS);
        }
        return notes;
    }
}
