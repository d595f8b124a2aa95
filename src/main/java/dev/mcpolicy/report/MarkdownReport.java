package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.rules.RuleDefinition;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pull-request comment (and GitHub's step summary): the summary as a heading, the count per rule (linked to the
 * rule's page when {@code --help-base-url} is set), the findings table, and folded details: how to fix each rule
 * that found something, notes, inferred MCP servers and input problems. The table stops at {@value #MAX_ROWS} rows so
 * the comment stays within GitHub's size limit; the count says how many were left out. Input text is escaped so it
 * cannot break the table or inject markup.
 */
public final class MarkdownReport implements Report {
    static final int MAX_ROWS = 150;

    @Override
    public void write(RunResult run, ReportContext context, Writer out) throws IOException {
        Map<String, RuleDefinition> rules = new TreeMap<>();
        context.rules().forEach(rule -> rules.putIfAbsent(rule.id(), rule));
        SourcePaths paths = new SourcePaths(context.baseDirectory(), context.repositoryRoot());
        Summary summary = Summary.of(run);
        StringBuilder md = new StringBuilder();
        md.append("### mcpolicy: ").append(summary.oneLine()).append("\n\n");
        if (run.findings().isEmpty()) {
            md.append(run.successful() ? "No findings.\n" : "No findings, but some input could not be checked.\n");
        } else {
            appendCounts(md, run, context);
            appendTable(md, run, paths);
            appendHelp(md, run, rules, context);
        }
        appendNotes(md, run);
        appendProblems(md, run, paths);
        out.write(md.toString());
        out.flush();
    }

    private static void appendCounts(StringBuilder md, RunResult run, ReportContext context) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Level> levels = new TreeMap<>();
        for (Finding finding : run.findings()) {
            counts.computeIfAbsent(finding.ruleId(), id -> new int[1])[0]++;
            levels.merge(finding.ruleId(), finding.level(), (a, b) -> a.atLeast(b) ? a : b);
        }
        List<String> ids = new ArrayList<>(counts.keySet());
        ids.sort(Comparator.comparing((String id) -> levels.get(id).ordinal())
                .thenComparing(id -> -counts.get(id)[0]).thenComparing(id -> id));
        md.append("| Rule | Level | Findings |\n|---|---|---:|\n");
        for (String id : ids) {
            String name = "`" + code(id) + "`";
            md.append("| ").append(RuleLinks.helpUri(context, id).map(uri -> "[" + name + "](" + url(uri) + ")")
                            .orElse(name))
                    .append(" | ").append(levels.get(id).id()).append(" | ").append(counts.get(id)[0]).append(" |\n");
        }
        md.append('\n');
    }

    private static void appendTable(StringBuilder md, RunResult run, SourcePaths paths) {
        List<Finding> findings = run.findings();
        md.append("| Level | Place | Rule | Message |\n|---|---|---|---|\n");
        for (Finding finding : findings.subList(0, Math.min(MAX_ROWS, findings.size()))) {
            String place = paths.locate(finding.primary().file()).path() + ":" + finding.primary().line() + ":"
                    + finding.primary().column();
            String message = finding.message();
            if (!finding.environments().isEmpty()) {
                message += " [environments: " + String.join(", ", finding.environments()) + "]";
            }
            md.append("| ").append(finding.level().id()).append(" | `").append(code(place)).append("` | `")
                    .append(code(finding.ruleId())).append("` | ").append(text(message)).append(" |\n");
        }
        if (findings.size() > MAX_ROWS) {
            md.append("\n").append(findings.size() - MAX_ROWS).append(" more findings are not shown here; the text,"
                    + " JSON and SARIF reports list them all.\n");
        }
        md.append('\n');
    }

    private static void appendHelp(StringBuilder md, RunResult run, Map<String, RuleDefinition> rules,
                                   ReportContext context) {
        List<String> ids = run.findings().stream().map(Finding::ruleId).distinct().sorted().toList();
        StringBuilder body = new StringBuilder();
        for (String id : ids) {
            RuleDefinition rule = rules.get(id);
            if (rule == null || rule.help() == null || rule.help().isBlank()) {
                continue;
            }
            // Titles and help come from the rule pack, which is written in Markdown, not from the input.
            body.append("**`").append(code(id)).append("`** ").append(SafeText.clean(rule.title())).append("\n\n")
                    .append(rule.help().strip()).append('\n');
            RuleLinks.helpUri(context, id).ifPresent(uri -> body.append("[Rule documentation](").append(url(uri))
                    .append(")\n"));
            body.append('\n');
        }
        if (!body.isEmpty()) {
            md.append("<details><summary>How to fix</summary>\n\n").append(body).append("</details>\n\n");
        }
    }

    private static void appendNotes(StringBuilder md, RunResult run) {
        List<String> notes = ReportNotes.of(run);
        List<ServerDecision> inferred = run.decisions().stream().filter(ServerDecision::inferred).toList();
        if (notes.isEmpty() && inferred.isEmpty()) {
            return;
        }
        md.append("<details><summary>Notes</summary>\n\n");
        notes.forEach(note -> md.append("- ").append(text(note)).append('\n'));
        if (!inferred.isEmpty()) {
            md.append("\nInferred MCP servers: ").append(String.join(", ", inferred.stream()
                    .map(d -> "`" + code(d.object().display()) + "`").toList())).append('\n');
        }
        md.append("\n</details>\n\n");
    }

    private static void appendProblems(StringBuilder md, RunResult run, SourcePaths paths) {
        if (run.problems().isEmpty()) {
            return;
        }
        md.append("<details><summary>Input problems (").append(run.problems().size()).append(")</summary>\n\n");
        for (InputProblem problem : run.problems()) {
            md.append("- ").append(problem.severity() == InputProblem.Severity.ERROR ? "error" : "note").append(" `")
                    .append(code(paths.locate(problem.file()).path() + ":" + problem.line() + ":" + problem.column()))
                    .append("` ").append(text(problem.message())).append('\n');
        }
        md.append("\n</details>\n\n");
    }

    /** Plain text in a table cell or a paragraph: one line, Markdown and HTML characters escaped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : SafeText.clean(value).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '|', '\\', '`', '*', '_', '[', ']', '#', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text inside a code span: one line, no backticks (they would end it), pipes escaped for tables. */
    static String code(String value) {
        return SafeText.clean(value).replace('`', '\'').replace("|", "\\|");
    }

    private static String url(String uri) {
        return uri.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }
}
