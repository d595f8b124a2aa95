package dev.mcpolicy.waivers;

import dev.mcpolicy.finding.Location;
import dev.mcpolicy.manifest.InputProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waivers written as comments where a reviewer reads the finding: {@code # mcpolicy:ignore <rule-id> <reason>}, on
 * the finding's line or the line above, optionally with {@code expires=YYYY-MM-DD} before the reason. Works in
 * rendered files, templates and values files alike.
 */
public final class SourceComments {
    static final String MARK = "mcpolicy:ignore";
    private static final Pattern COMMENT = Pattern.compile(
            "#\\s*+mcpolicy:ignore(?=\\s|$)\\s*+(\\S*+)\\s*+(?:expires=(\\S*+)\\s*+)?(.*+)");

    private SourceComments() {
    }

    /** Every waiver comment of {@code text}, {@code file} being its name in reports. */
    public static WaiverSet read(String file, String text) {
        List<Waiver> waivers = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        if (!text.contains(MARK)) {
            return WaiverSet.EMPTY;
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int hash = commentStart(lines[i]);
            if (hash < 0) {
                continue;
            }
            Matcher matcher = COMMENT.matcher(lines[i]).region(hash, lines[i].length());
            if (!matcher.lookingAt()) {
                continue;
            }
            int line = i + 1;
            int column = hash + 1;
            String rule = matcher.group(1);
            String reason = matcher.group(3).strip();
            if (rule.isEmpty()) {
                problems.add(InputProblem.error(file, line, column,
                        "waiver comment names no rule: write '# mcpolicy:ignore <rule-id> <reason>'"));
                continue;
            }
            if (reason.isEmpty()) {
                problems.add(InputProblem.error(file, line, column, "waiver comment for " + rule
                        + " has no reason: write why the finding is accepted after the rule id"));
                continue;
            }
            LocalDate expires = null;
            if (matcher.group(2) != null) {
                try {
                    expires = LocalDate.parse(matcher.group(2));
                } catch (DateTimeParseException e) {
                    problems.add(InputProblem.error(file, line, column, "waiver comment for " + rule
                            + ": expires= must be a date YYYY-MM-DD"));
                    continue;
                }
            }
            waivers.add(Waiver.comment(rule, reason, expires, new Location(file, line, column, 0, Location.EXACT)));
        }
        return new WaiverSet(waivers, problems);
    }

    /** Index of the {@code #} that starts a waiver comment on the line, or -1 (a {@code #} in quotes does not). */
    private static int commentStart(String line) {
        int mark = line.indexOf(MARK);
        if (mark < 0) {
            return -1;
        }
        int hash = line.lastIndexOf('#', mark);
        if (hash < 0 || !line.substring(hash + 1, mark).isBlank()) {
            return -1;
        }
        return hash == 0 || Character.isWhitespace(line.charAt(hash - 1)) ? hash : -1;
    }
}
