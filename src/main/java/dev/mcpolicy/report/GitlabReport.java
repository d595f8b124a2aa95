package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.manifest.InputProblem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * GitLab Code Quality ({@code artifacts:reports:codequality}): a JSON array of issues with exactly the fields GitLab
 * reads (description, check_name, fingerprint, severity, location.path, location.lines.begin). GitLab folds issues
 * with one fingerprint into one, so every issue's fingerprint is unique within the report: mcpolicy's semantic
 * fingerprint (stable when lines move), with a counter for the rare findings that share it. Input errors are issues
 * of check {@value #INPUT_CHECK} with severity {@code blocker}: the run could not check everything. No byte order mark.
 */
public final class GitlabReport implements Report {
    static final String INPUT_CHECK = "mcpolicy-input";

    @Override
    public void write(RunResult run, ReportContext context, Writer out) throws IOException {
        SourcePaths paths = new SourcePaths(context.baseDirectory(), context.repositoryRoot());
        Map<String, Integer> seen = new HashMap<>();
        ArrayNode issues = JsonOutput.array();
        for (Finding finding : run.findings()) {
            SourcePaths.RepoPath path = paths.locate(finding.primary().file());
            String identity = Fingerprints.semantic(finding, path.uri());
            issues.add(issue(description(finding), finding.ruleId(), unique(identity, seen), severity(finding.level()),
                    path.path(), finding.primary().line()));
        }
        for (InputProblem problem : run.problems()) {
            if (problem.severity() != InputProblem.Severity.ERROR) {
                continue;
            }
            String path = paths.locate(problem.file()).path();
            String identity = sha256(INPUT_CHECK + "\0" + path + "\0" + problem.line() + "\0" + problem.message());
            issues.add(issue(problem.message(), INPUT_CHECK, unique(identity, seen), "blocker", path, problem.line()));
        }
        JsonOutput.write(issues, out);
    }

    private static ObjectNode issue(String description, String check, String fingerprint, String severity,
                                    String path, int line) {
        ObjectNode issue = JsonOutput.object();
        issue.put("description", description);
        issue.put("check_name", check);
        issue.put("fingerprint", fingerprint);
        issue.put("severity", severity);
        ObjectNode location = issue.putObject("location");
        location.put("path", path);
        location.putObject("lines").put("begin", line);
        return issue;
    }

    /** GitLab's scale is info, minor, major, critical, blocker. */
    static String severity(Level level) {
        return switch (level) {
            case ERROR -> "major";
            case WARNING -> "minor";
            case NOTE -> "info";
        };
    }

    private static String description(Finding finding) {
        String message = finding.message() == null || finding.message().isBlank()
                ? "Finding of rule " + finding.ruleId() + "." : finding.message();
        return finding.environments().isEmpty() ? message
                : message + " [environments: " + String.join(", ", finding.environments()) + "]";
    }

    private static String unique(String identity, Map<String, Integer> seen) {
        int occurrence = seen.merge(identity, 1, Integer::sum);
        return occurrence == 1 ? identity : sha256(identity + "\0" + occurrence);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
