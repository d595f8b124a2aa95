package dev.mcpolicy.rules;

/** A rule file that is not valid, pointing at the offending line: {@code rules/x.yaml:12:3: message}. */
public record RuleProblem(String file, int line, int column, String message) {
    public RuleProblem {
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    public String oneLine() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
