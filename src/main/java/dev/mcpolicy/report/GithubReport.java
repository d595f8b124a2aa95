package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.manifest.InputProblem;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub Actions annotations: one workflow command per finding ({@code ::error}, {@code ::warning} or
 * {@code ::notice} with file, line, column and a title naming the rule), one per input problem, and the summary as a
 * plain last line. Paths are relative to the source root, as the runner's workspace is. They show on the pull
 * request's changed lines without code scanning, so they work on private repositories too.
 */
public final class GithubReport implements Report {
    @Override
    public void write(RunResult run, ReportContext context, Writer out) throws IOException {
        SourcePaths paths = new SourcePaths(context.baseDirectory(), context.repositoryRoot());
        StringBuilder text = new StringBuilder();
        for (Finding finding : run.findings()) {
            Location at = finding.primary();
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("file", paths.locate(at.file()).path());
            properties.put("line", String.valueOf(at.line()));
            properties.put("col", String.valueOf(at.column()));
            properties.put("endLine", String.valueOf(at.line()));
            if (at.endColumn() > at.column()) {
                properties.put("endColumn", String.valueOf(at.endColumn()));
            }
            properties.put("title", "mcpolicy " + finding.ruleId());
            text.append(WorkflowCommands.command(command(finding.level()), properties, message(finding))).append('\n');
        }
        for (InputProblem problem : run.problems()) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("file", paths.locate(problem.file()).path());
            properties.put("line", String.valueOf(problem.line()));
            properties.put("col", String.valueOf(problem.column()));
            properties.put("title", "mcpolicy input " + problem.severity().name().toLowerCase(java.util.Locale.ROOT));
            text.append(WorkflowCommands.command(problem.severity() == InputProblem.Severity.ERROR ? "error" : "notice",
                    properties, problem.message())).append('\n');
        }
        text.append(WorkflowCommands.escapeData("mcpolicy: " + Summary.of(run).oneLine())).append('\n');
        out.write(text.toString());
        out.flush();
    }

    static String command(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    private static String message(Finding finding) {
        String message = finding.message() == null || finding.message().isBlank()
                ? "Finding of rule " + finding.ruleId() + "." : finding.message();
        return finding.environments().isEmpty() ? message
                : message + " [environments: " + String.join(", ", finding.environments()) + "]";
    }
}
