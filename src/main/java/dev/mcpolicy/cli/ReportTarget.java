package dev.mcpolicy.cli;

import dev.mcpolicy.report.ReportFormat;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * One report of a run: a format and where it goes ({@code file} null means standard output).
 * Written on the command line as {@code FORMAT[=FILE]}.
 */
record ReportTarget(ReportFormat format, Path file) {
    static ReportTarget parse(String text) {
        int equals = text.indexOf('=');
        String formatText = equals < 0 ? text : text.substring(0, equals);
        ReportFormat format;
        try {
            format = ReportFormat.parse(formatText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--report " + text + ": " + e.getMessage());
        }
        if (equals < 0) {
            return new ReportTarget(format, null);
        }
        String file = text.substring(equals + 1);
        if (file.isBlank() || file.equals("-")) {
            return new ReportTarget(format, null);
        }
        try {
            return new ReportTarget(format, Path.of(file));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--report " + text + ": not a file name (" + e.getMessage() + ")");
        }
    }

    boolean toStdout() {
        return file == null;
    }

    String describe() {
        return format.id() + (file == null ? " on standard output" : " to " + file);
    }
}
