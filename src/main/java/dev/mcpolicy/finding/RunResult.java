package dev.mcpolicy.finding;

import dev.mcpolicy.manifest.InputProblem;

import java.util.List;

/**
 * Everything a report needs from one run, already sorted deterministically.
 *
 * @param inputs    the inputs as the user named them (files, folders, {@code <stdin>}, charts)
 * @param findings  sorted by file, line, column, rule id
 * @param decisions MCP-server decisions, in input order
 * @param problems  input problems (errors make the run unsuccessful)
 * @param suppressed findings waivers or the baseline took out of {@code findings}, and stale baseline entries
 */
public record RunResult(List<String> inputs, List<Finding> findings, List<ServerDecision> decisions,
                        List<InputProblem> problems, Suppressions suppressed) {
    public RunResult {
        inputs = List.copyOf(inputs);
        findings = List.copyOf(findings);
        decisions = List.copyOf(decisions);
        problems = List.copyOf(problems);
        suppressed = suppressed == null ? Suppressions.NONE : suppressed;
    }

    /** A run without waivers or baseline. */
    public RunResult(List<String> inputs, List<Finding> findings, List<ServerDecision> decisions,
                     List<InputProblem> problems) {
        this(inputs, findings, decisions, problems, Suppressions.NONE);
    }

    public boolean successful() {
        return problems.stream().noneMatch(p -> p.severity() == dev.mcpolicy.manifest.InputProblem.Severity.ERROR);
    }
}
