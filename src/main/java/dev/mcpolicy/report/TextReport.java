package dev.mcpolicy.report;

import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.PrintableText;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report for people: findings grouped under a heading per file, {@code file:line:col  level  rule-id  message}
 * lines aligned across the whole report, then the MCP-server decisions, the input problems and a summary line.
 */
public final class TextReport implements Report {
    private static final String INDENT = "  ";
    private static final String DETAIL_INDENT = "      ";
    private static final int LEVEL_WIDTH = "warning".length();

    @Override
    public void write(RunResult run, ReportContext context, Writer out) throws IOException {
        Ansi ansi = new Ansi(context.colour());
        StringBuilder text = new StringBuilder();
        appendFindings(run.findings(), ansi, text);
        appendDecisions(run.decisions(), ansi, text);
        appendProblems(run.problems(), ansi, text);
        if (run.findings().isEmpty()) {
            text.append(ansi.green("No findings.")).append('\n');
        }
        text.append(ansi.bold(Summary.of(run).oneLine())).append('\n');
        out.write(text.toString());
        out.flush();
    }

    private static void appendFindings(List<Finding> findings, Ansi ansi, StringBuilder text) {
        if (findings.isEmpty()) {
            return;
        }
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        int placeWidth = 0;
        int ruleWidth = 0;
        for (Finding finding : findings) {
            byFile.computeIfAbsent(finding.primary().file(), file -> new ArrayList<>()).add(finding);
            placeWidth = Math.max(placeWidth, place(finding.primary()).length());
            ruleWidth = Math.max(ruleWidth, Ansi.clean(finding.ruleId()).length());
        }
        for (Map.Entry<String, List<Finding>> group : byFile.entrySet()) {
            text.append(ansi.bold(PrintableText.escape(group.getKey()))).append('\n');
            for (Finding finding : group.getValue()) {
                appendFinding(finding, placeWidth, ruleWidth, ansi, text);
            }
            text.append('\n');
        }
    }

    private static void appendFinding(Finding finding, int placeWidth, int ruleWidth, Ansi ansi, StringBuilder text) {
        text.append(INDENT).append(pad(place(finding.primary()), placeWidth)).append("  ")
                .append(ansi.level(finding.level(), finding.level().id()))
                .append(" ".repeat(LEVEL_WIDTH - finding.level().id().length())).append("  ")
                .append(ansi.dim(pad(Ansi.clean(finding.ruleId()), ruleWidth))).append("  ")
                .append(Ansi.clean(finding.message()));
        if (!finding.environments().isEmpty()) {
            text.append("  [").append(Ansi.clean(String.join(", ", finding.environments()))).append(']');
        }
        text.append('\n');
        Location rendered = finding.rendered();
        if (rendered != null && !rendered.equals(finding.primary())) {
            appendDetail("rendered at " + place(rendered), ansi, text);
        }
        if (HelmSources.worthShowing(finding)) {
            appendDetail("template " + PrintableText.escape(finding.helmSource()), ansi, text);
        }
        for (Finding.RelatedLocation related : finding.related()) {
            appendDetail(place(related.location()) + "  " + Ansi.clean(related.message()), ansi, text);
        }
    }

    private static void appendDetail(String detail, Ansi ansi, StringBuilder text) {
        text.append(DETAIL_INDENT).append(ansi.dim("= " + detail)).append('\n');
    }

    private static void appendDecisions(List<ServerDecision> decisions, Ansi ansi, StringBuilder text) {
        if (decisions.isEmpty()) {
            return;
        }
        text.append(ansi.bold("MCP-server decisions")).append('\n');
        int objectWidth = 0;
        int placeWidth = 0;
        for (ServerDecision decision : decisions) {
            objectWidth = Math.max(objectWidth, describe(decision.object()).length());
            placeWidth = Math.max(placeWidth, decisionPlace(decision).length());
        }
        for (ServerDecision decision : decisions) {
            String verdict = decision.mcpServer() ? "server" : "skipped";
            text.append(INDENT)
                    .append(decision.mcpServer() ? ansi.green(verdict) : ansi.dim(verdict))
                    .append(" ".repeat("skipped".length() - verdict.length())).append("  ")
                    .append(pad(describe(decision.object()), objectWidth)).append("  ")
                    .append(pad(decisionPlace(decision), placeWidth)).append("  ")
                    .append(Ansi.clean(decision.reason())).append('\n');
        }
        text.append('\n');
    }

    private static void appendProblems(List<InputProblem> problems, Ansi ansi, StringBuilder text) {
        if (problems.isEmpty()) {
            return;
        }
        text.append(ansi.bold("Input problems")).append('\n');
        int placeWidth = problems.stream().mapToInt(p -> problemPlace(p).length()).max().orElse(0);
        for (InputProblem problem : problems) {
            String severity = problem.severity().name().toLowerCase(Locale.ROOT);
            text.append(INDENT).append(pad(problemPlace(problem), placeWidth)).append("  ")
                    .append(problem.severity() == InputProblem.Severity.ERROR
                            ? ansi.level(Level.ERROR, severity)
                            : ansi.level(Level.NOTE, severity))
                    .append(" ".repeat(LEVEL_WIDTH - severity.length())).append("  ")
                    .append(Ansi.clean(problem.message())).append('\n');
        }
        text.append('\n');
    }

    private static String place(Location location) {
        return location.shortText();
    }

    private static String problemPlace(InputProblem problem) {
        return PrintableText.escape(problem.file()) + ":" + problem.line() + ":" + problem.column();
    }

    private static String decisionPlace(ServerDecision decision) {
        return decision.location() == null ? "" : place(decision.location());
    }

    private static String describe(ObjectRef object) {
        String name = object.display();
        return Ansi.clean(object.namespace() == null ? name : name + " (namespace " + object.namespace() + ")");
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
