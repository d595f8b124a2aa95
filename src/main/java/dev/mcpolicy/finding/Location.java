package dev.mcpolicy.finding;

import dev.mcpolicy.manifest.PrintableText;

/**
 * A single-line place in a file the user can open.
 *
 * @param file      path as shown to the user (relative to the working directory or source root,
 *                  forward slashes; {@code <stdin>} for standard input)
 * @param endColumn exclusive end column on {@code line}, or 0 when unknown
 * @param mapping   how the place was found: {@code exact} (the offending node), {@code parent-key}
 *                  (a missing key's nearest existing parent), {@code include-call}, {@code values},
 *                  {@code range-line} (a template line that prints every key of a map in a {@code range}, so it
 *                  holds the node but not only it), {@code document} (the document's first line, nothing better known)
 */
public record Location(String file, int line, int column, int endColumn, String mapping) {
    public static final String EXACT = "exact";
    public static final String PARENT_KEY = "parent-key";
    public static final String INCLUDE_CALL = "include-call";
    public static final String VALUES = "values";
    public static final String RANGE_LINE = "range-line";
    public static final String DOCUMENT = "document";

    public Location {
        line = Math.max(1, line);
        column = Math.max(1, column);
        if (endColumn != 0 && endColumn <= column) {
            endColumn = 0;
        }
    }

    /** {@code file:line:col}, control characters in the file name escaped. */
    public String shortText() {
        return PrintableText.escape(file) + ":" + line + ":" + column;
    }
}
