package dev.mcpolicy.manifest;

import dev.mcpolicy.secrets.TextMasking;

/**
 * Input that could not be read or understood. Printed as one line, {@code file:line:col: message};
 * any input problem makes the run exit with code 2 while the rest of the input is still checked. The message may
 * quote the input (a YAML error, helm's output), so secret-looking parts of it are masked when it is made.
 *
 * @param severity ERROR for problems that make the run incomplete (exit 2), NOTE for deliberate skips
 *                 (an empty document, a document that is not a Kubernetes object)
 */
public record InputProblem(String file, int line, int column, Severity severity, String message) {
    public enum Severity { ERROR, NOTE }

    public InputProblem {
        message = TextMasking.mask(message);
    }

    public static InputProblem error(String file, int line, int column, String message) {
        return new InputProblem(file, Math.max(1, line), Math.max(1, column), Severity.ERROR, message);
    }

    public static InputProblem note(String file, int line, int column, String message) {
        return new InputProblem(file, Math.max(1, line), Math.max(1, column), Severity.NOTE, message);
    }

    /** {@code file:line:col: message} on one line, control characters in the file name and message escaped. */
    public String oneLine() {
        return PrintableText.escape(file) + ":" + line + ":" + column + ": " + PrintableText.escape(message);
    }
}
