package dev.mcpolicy.report;

import dev.mcpolicy.finding.Certainty;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.finding.ServerDecision;
import dev.mcpolicy.finding.Suppressions;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.PrintableText;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report for people, readable from one to a few hundred findings: a heading per file, then one entry per finding,
 * {@code line:col  level  rule  message}, wrapped to the width with a hanging indent so every message starts in the
 * same column. Then notes given once per report, the MCP-server decisions worth knowing (the inferred ones; all with
 * {@code --verbose}), input problems, the count per rule and a summary line. {@code --quiet} keeps errors and the
 * summary. Every finding has its own entry: findings on one line are never joined.
 */
public final class TextReport implements Report {
    static final int MAX_RELATED = 3;
    static final int MAX_DECISIONS = 10;
    static final int MAX_ABSENT = 5;
    private static final String INDENT = "  ";
    private static final String GAP = "  ";
    private static final String DETAIL_MARK = "= ";
    private static final int LEVEL_WIDTH = "warning".length();
    /** Below this many columns for the message, continuation lines indent less instead of aligning. */
    private static final int MIN_MESSAGE_WIDTH = 40;
    private static final String FALLBACK_HANGING_INDENT = "      ";
    private static final char UNBREAKABLE_SPACE = '\u00A0';

    @Override
    public void write(RunResult run, ReportContext context, Writer out) throws IOException {
        new Writing(run, context).write(out);
    }

    private static final class Writing {
        private final RunResult run;
        private final ReportContext.TextOptions options;
        private final TerminalStyle style;
        private final List<Finding> shown;
        private final StringBuilder text = new StringBuilder();

        Writing(RunResult run, ReportContext context) {
            this.run = run;
            this.options = context.text();
            this.style = new TerminalStyle(context.colour());
            this.shown = options.quiet()
                    ? run.findings().stream().filter(f -> f.level() == Level.ERROR).toList()
                    : run.findings();
        }

        void write(Writer out) throws IOException {
            appendFindings();
            if (!options.quiet()) {
                appendNotes();
                appendDecisions();
            }
            appendProblems();
            if (!options.quiet()) {
                appendCountsPerRule();
            }
            appendSuppressed();
            if (run.findings().isEmpty() && run.problems().isEmpty()) {
                // next to input problems it would read as a pass of input that was never checked
                text.append(style.green(run.suppressed().waived().isEmpty() && run.suppressed().unchanged().isEmpty()
                        ? "No findings." : "No new findings.")).append('\n');
            }
            for (String line : Wrapping.wrap(Summary.of(run).oneLine(), options.width())) {
                text.append(style.bold(line)).append('\n');
            }
            out.write(text.toString());
            out.flush();
        }

        private void appendFindings() {
            if (shown.isEmpty()) {
                return;
            }
            Map<String, List<Finding>> byFile = new LinkedHashMap<>();
            int placeWidth = 0;
            int ruleWidth = 0;
            for (Finding finding : shown) {
                byFile.computeIfAbsent(finding.primary().file(), file -> new ArrayList<>()).add(finding);
                placeWidth = Math.max(placeWidth, place(finding.primary()).length());
                ruleWidth = Math.max(ruleWidth, SafeText.clean(finding.ruleId()).length());
            }
            Columns columns = new Columns(placeWidth, ruleWidth, options.width());
            for (Map.Entry<String, List<Finding>> group : byFile.entrySet()) {
                text.append(style.bold(PrintableText.escape(group.getKey()))).append('\n');
                for (Finding finding : group.getValue()) {
                    appendFinding(finding, group.getKey(), columns);
                }
                text.append('\n');
            }
        }

        private void appendFinding(Finding finding, String file, Columns columns) {
            String place = place(finding.primary());
            String level = finding.level().id();
            String rule = SafeText.clean(finding.ruleId());
            String head = INDENT + pad(place, columns.placeWidth()) + GAP
                    + style.level(finding.level(), level) + " ".repeat(LEVEL_WIDTH - level.length()) + GAP
                    + style.dim(pad(rule, columns.ruleWidth())) + GAP;
            String message = SafeText.clean(finding.message());
            if (!finding.environments().isEmpty()) {
                message += " [" + SafeText.clean(String.join(", ", finding.environments())) + "]";
            }
            if (finding.certainty() == Certainty.INFERRED) {
                message += " [inferred]";
            }
            List<String> lines = Wrapping.wrap(message, columns.messageWidth());
            if (columns.aligned()) {
                text.append(head).append(lines.get(0)).append('\n');
                lines = lines.subList(1, lines.size());
            } else {
                text.append(head.stripTrailing()).append('\n');
            }
            for (String line : lines) {
                text.append(columns.hangingIndent()).append(line).append('\n');
            }
            for (String detail : details(finding, file)) {
                List<String> detailLines = Wrapping.wrap(detail, columns.messageWidth() - DETAIL_MARK.length());
                for (int i = 0; i < detailLines.size(); i++) {
                    text.append(columns.hangingIndent()).append(style.dim((i == 0 ? DETAIL_MARK : "  ")
                            + detailLines.get(i).replace(UNBREAKABLE_SPACE, ' '))).append('\n');
                }
            }
        }

        /** Where else to look: the rendered place, the template, related places (capped), each said once. */
        private List<String> details(Finding finding, String file) {
            List<String> details = new ArrayList<>();
            Location rendered = finding.rendered();
            if (rendered != null && !rendered.equals(finding.primary())) {
                details.add(together("rendered at " + placeIn(rendered, file)));
            }
            if (HelmSources.worthShowing(finding)) {
                details.add(together("template " + PrintableText.escape(finding.helmSource())));
            }
            List<Finding.RelatedLocation> related = finding.related();
            for (Finding.RelatedLocation place : related.subList(0, Math.min(MAX_RELATED, related.size()))) {
                details.add(placeIn(place.location(), file) + "  " + SafeText.clean(place.message()));
            }
            if (related.size() > MAX_RELATED) {
                details.add("and " + (related.size() - MAX_RELATED) + " more related places (the JSON and SARIF"
                        + " reports list them all)");
            }
            return details;
        }

        /** Once per report, whatever the number of findings it concerns. */
        private void appendNotes() {
            List<String> notes = ReportNotes.of(run);
            if (notes.isEmpty()) {
                return;
            }
            text.append(style.bold("Notes")).append('\n');
            for (String note : notes) {
                List<String> lines = Wrapping.wrap(note, options.width() - INDENT.length() - 2);
                text.append(INDENT).append("- ").append(lines.get(0)).append('\n');
                for (String line : lines.subList(1, lines.size())) {
                    text.append(INDENT).append("  ").append(line).append('\n');
                }
            }
            text.append('\n');
        }

        private void appendDecisions() {
            List<ServerDecision> decisions = options.verbose() ? run.decisions()
                    : run.decisions().stream().filter(ServerDecision::inferred).toList();
            if (decisions.isEmpty()) {
                return;
            }
            text.append(style.bold(options.verbose() ? "MCP-server decisions" : "Inferred MCP servers")).append('\n');
            List<ServerDecision> listed = options.verbose() ? decisions
                    : decisions.subList(0, Math.min(MAX_DECISIONS, decisions.size()));
            int objectWidth = 0;
            for (ServerDecision decision : listed) {
                objectWidth = Math.max(objectWidth, describe(decision.object()).length());
            }
            for (ServerDecision decision : listed) {
                String verdict = decision.mcpServer() ? "server" : "skipped";
                String head = INDENT + (decision.mcpServer() ? style.green(verdict) : style.dim(verdict))
                        + " ".repeat("skipped".length() - verdict.length()) + GAP
                        + pad(describe(decision.object()), objectWidth) + GAP;
                String rest = (decision.location() == null ? "" : place(decision.location(), true) + " ")
                        + (options.verbose() || !decision.inferred() ? SafeText.clean(decision.reason()) : "");
                int column = INDENT.length() + "skipped".length() + GAP.length() + objectWidth + GAP.length();
                appendHanging(head, rest.strip(), column);
            }
            if (listed.size() < decisions.size()) {
                text.append(INDENT).append("and ").append(decisions.size() - listed.size())
                        .append(" more (--verbose lists every decision)").append('\n');
            }
            text.append('\n');
        }

        private void appendProblems() {
            List<InputProblem> problems = options.quiet()
                    ? run.problems().stream().filter(p -> p.severity() == InputProblem.Severity.ERROR).toList()
                    : run.problems();
            if (problems.isEmpty()) {
                return;
            }
            text.append(style.bold("Input problems")).append('\n');
            int placeWidth = problems.stream().mapToInt(p -> problemPlace(p).length()).max().orElse(0);
            for (InputProblem problem : problems) {
                String severity = problem.severity().name().toLowerCase(Locale.ROOT);
                String head = INDENT + pad(problemPlace(problem), placeWidth) + GAP
                        + style.level(problem.severity() == InputProblem.Severity.ERROR ? Level.ERROR : Level.NOTE,
                        severity)
                        + " ".repeat(LEVEL_WIDTH - severity.length()) + GAP;
                appendHanging(head, SafeText.clean(problem.message()),
                        INDENT.length() + placeWidth + GAP.length() + LEVEL_WIDTH + GAP.length());
            }
            text.append('\n');
        }

        /**
         * Waived and baselined findings as counts (JSON and SARIF list them), and the baseline entries that no longer
         * occur, briefly, so the baseline gets refreshed.
         */
        private void appendSuppressed() {
            var suppressed = run.suppressed();
            int waived = suppressed.waived().size();
            if (waived == 0 && !suppressed.baselineUsed()) {
                return;
            }
            StringBuilder line = new StringBuilder();
            if (waived > 0) {
                line.append(waived).append(waived == 1 ? " finding" : " findings").append(" waived");
            }
            if (suppressed.baselineUsed()) {
                if (!line.isEmpty()) {
                    line.append("; ");
                }
                line.append(suppressed.unchanged().size()).append(" existing (in the baseline), ")
                        .append(suppressed.absent().size()).append(" baseline ")
                        .append(suppressed.absent().size() == 1 ? "entry" : "entries").append(" no longer found");
            }
            line.append(". They do not count for --fail-on; the JSON and SARIF reports list them.");
            text.append(style.bold("Waivers and baseline")).append('\n');
            for (String wrapped : Wrapping.wrap(line.toString(), options.width() - INDENT.length())) {
                text.append(INDENT).append(wrapped).append('\n');
            }
            List<Suppressions.Absent> absent = suppressed.absent();
            for (Suppressions.Absent entry : absent.subList(0, Math.min(MAX_ABSENT, absent.size()))) {
                String what = "no longer found: " + SafeText.clean(entry.ruleId())
                        + (entry.object() == null ? "" : " on " + SafeText.clean(entry.object()))
                        + (entry.file() == null ? "" : " (" + PrintableText.escape(entry.file()) + ")");
                List<String> lines = Wrapping.wrap(what, options.width() - INDENT.length() - 2);
                for (int i = 0; i < lines.size(); i++) {
                    text.append(INDENT).append(i == 0 ? "- " : "  ").append(lines.get(i)).append('\n');
                }
            }
            if (absent.size() > MAX_ABSENT) {
                text.append(INDENT).append("- and ").append(absent.size() - MAX_ABSENT)
                        .append(" more; write a new baseline with --write-baseline").append('\n');
            }
            text.append('\n');
        }

        /** {@code  3  error    sse-read-timeout}, most severe first, then most frequent. */
        private void appendCountsPerRule() {
            if (run.findings().size() < 2) {
                return;
            }
            Map<String, int[]> counts = new TreeMap<>();
            Map<String, Level> levels = new TreeMap<>();
            for (Finding finding : run.findings()) {
                counts.computeIfAbsent(finding.ruleId(), id -> new int[1])[0]++;
                levels.merge(finding.ruleId(), finding.level(), (a, b) -> a.atLeast(b) ? a : b);
            }
            List<String> rules = new ArrayList<>(counts.keySet());
            rules.sort(Comparator.comparing((String id) -> levels.get(id).ordinal())
                    .thenComparing(id -> -counts.get(id)[0])
                    .thenComparing(id -> id));
            int countWidth = String.valueOf(rules.stream().mapToInt(id -> counts.get(id)[0]).max().orElse(0)).length();
            text.append(style.bold("Findings per rule")).append('\n');
            for (String id : rules) {
                Level level = levels.get(id);
                text.append(INDENT).append(padLeft(String.valueOf(counts.get(id)[0]), countWidth)).append(GAP)
                        .append(style.level(level, level.id())).append(" ".repeat(LEVEL_WIDTH - level.id().length()))
                        .append(GAP).append(SafeText.clean(id)).append('\n');
            }
            text.append('\n');
        }

        /** {@code head} then {@code rest} wrapped under its start, or on the next lines when too little room is left. */
        private void appendHanging(String head, String rest, int column) {
            boolean aligned = options.width() - column >= MIN_MESSAGE_WIDTH;
            String indent = aligned ? " ".repeat(column) : FALLBACK_HANGING_INDENT;
            List<String> lines = Wrapping.wrap(rest, options.width() - indent.length());
            if (aligned) {
                text.append(head).append(lines.get(0)).append('\n');
                lines = lines.subList(1, lines.size());
            } else {
                text.append(head.stripTrailing()).append('\n');
            }
            for (String line : lines) {
                text.append(indent).append(line).append('\n');
            }
        }
    }

    /** Column widths of the finding entries; continuation lines start where messages do. */
    private record Columns(int placeWidth, int ruleWidth, int width) {
        int messageColumn() {
            return INDENT.length() + placeWidth + GAP.length() + LEVEL_WIDTH + GAP.length() + ruleWidth + GAP.length();
        }

        /** True when messages fit beside the columns; otherwise they start on the next line, indented less. */
        boolean aligned() {
            return width - messageColumn() >= MIN_MESSAGE_WIDTH;
        }

        int messageWidth() {
            return aligned() ? width - messageColumn() : width - FALLBACK_HANGING_INDENT.length();
        }

        String hangingIndent() {
            return aligned() ? " ".repeat(messageColumn()) : FALLBACK_HANGING_INDENT;
        }
    }

    /** A label and the place it names read as one word: the wrapping keeps them on one line. */
    private static String together(String text) {
        return text.replace(' ', UNBREAKABLE_SPACE);
    }

    /** {@code line:col} under its file's heading. */
    private static String place(Location location) {
        return location.line() + ":" + location.column();
    }

    private static String place(Location location, boolean withFile) {
        return withFile ? location.shortText() : place(location);
    }

    /** A place in the heading's file is {@code line:col}; elsewhere {@code file:line:col}. */
    private static String placeIn(Location location, String headingFile) {
        return location.file().equals(headingFile) ? "line " + place(location) : place(location, true);
    }

    private static String problemPlace(InputProblem problem) {
        return PrintableText.escape(problem.file()) + ":" + problem.line() + ":" + problem.column();
    }

    private static String describe(ObjectRef object) {
        String name = object.display();
        return SafeText.clean(object.namespace() == null ? name : name + " (namespace " + object.namespace() + ")");
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
