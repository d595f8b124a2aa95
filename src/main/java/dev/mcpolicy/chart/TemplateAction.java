package dev.mcpolicy.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Go-template action {@code {{ … }}} of a template file.
 *
 * @param line      1-based line of the opening braces
 * @param column    1-based column of the opening braces
 * @param endLine   1-based line of the closing braces
 * @param endColumn 1-based column just after the closing braces (on {@code endLine})
 * @param body      the text between the delimiters without trim markers, stripped
 */
record TemplateAction(int line, int column, int endLine, int endColumn, String body) {
    private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile("\\$[A-Za-z0-9_]*\\s*:?=(?!=).*", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern STRUCTURE = java.util.regex.Pattern.compile(
            "\\b(include|template|toYaml|tpl|nindent|indent|toJson|toPrettyJson)\\b");
    private static final java.util.regex.Pattern INDENT = java.util.regex.Pattern.compile("\\bn?indent\\s+(\\d+)");

    enum Kind { COMMENT, IF, WITH, RANGE, DEFINE, ELSE, END, ASSIGN, NO_OUTPUT, OUTPUT }

    Kind kind() {
        if (body.startsWith("/*")) {
            return Kind.COMMENT;
        }
        String first = firstWord().toLowerCase(Locale.ROOT);
        return switch (first) {
            case "if" -> Kind.IF;
            case "with" -> Kind.WITH;
            case "range" -> Kind.RANGE;
            case "define", "block" -> Kind.DEFINE;
            case "else" -> Kind.ELSE;
            case "end" -> Kind.END;
            case "break", "continue" -> Kind.NO_OUTPUT;
            default -> ASSIGNMENT.matcher(body).matches() ? Kind.ASSIGN : Kind.OUTPUT;
        };
    }

    /** Opens a block that an {@code end} closes. */
    boolean opensBlock() {
        Kind kind = kind();
        return kind == Kind.IF || kind == Kind.WITH || kind == Kind.RANGE || kind == Kind.DEFINE;
    }

    /** An output action whose result is YAML structure (a helper, a values subtree), not a plain scalar. */
    boolean emitsStructure() {
        return kind() == Kind.OUTPUT && STRUCTURE.matcher(body).find();
    }

    /** {@code nindent N} / {@code indent N} in the pipeline, or -1. */
    int indentArgument() {
        java.util.regex.Matcher m = INDENT.matcher(body);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The words of the body after the keyword (for {@code range $k, $v := .Values.x}: {@code $k, $v := .Values.x}). */
    String afterKeyword() {
        String first = firstWord();
        return body.substring(first.length()).strip();
    }

    private String firstWord() {
        int end = 0;
        while (end < body.length() && !Character.isWhitespace(body.charAt(end)) && body.charAt(end) != '(') {
            end++;
        }
        return body.substring(0, end);
    }

    /**
     * Finds every action in a template text. Quotes inside actions are honoured; an action left open at the end
     * of the text runs to the end.
     */
    static List<TemplateAction> scan(String text) {
        List<TemplateAction> actions = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
                continue;
            }
            if (c != '{' || text.charAt(i + 1) != '{') {
                i++;
                continue;
            }
            int startLine = line;
            int startColumn = i - lineStart + 1;
            int j = i + 2;
            char quote = 0;
            boolean comment = false;
            int close = -1;
            while (j < text.length()) {
                char d = text.charAt(j);
                if (d == '\n') {
                    line++;
                    lineStart = j + 1;
                }
                if (comment) {
                    if (d == '*' && j + 1 < text.length() && text.charAt(j + 1) == '/') {
                        comment = false;
                        j++;
                    }
                } else if (quote != 0) {
                    if (d == '\\' && quote == '"') {
                        j++;
                    } else if (d == quote) {
                        quote = 0;
                    }
                } else if (d == '"' || d == '`' || d == '\'') {
                    quote = d;
                } else if (d == '/' && j + 1 < text.length() && text.charAt(j + 1) == '*') {
                    comment = true;
                    j++;
                } else if (d == '}' && j + 1 < text.length() && text.charAt(j + 1) == '}') {
                    close = j;
                    break;
                }
                j++;
            }
            int bodyEnd = close < 0 ? text.length() : close;
            String body = text.substring(i + 2, bodyEnd);
            if (body.startsWith("-")) {
                body = body.substring(1);
            }
            if (body.endsWith("-")) {
                body = body.substring(0, body.length() - 1);
            }
            int after = close < 0 ? text.length() : close + 2;
            actions.add(new TemplateAction(startLine, startColumn, line, after - lineStart + 1, body.strip()));
            i = after;
        }
        return actions;
    }
}
