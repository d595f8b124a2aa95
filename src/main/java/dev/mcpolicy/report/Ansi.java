package dev.mcpolicy.report;

import dev.mcpolicy.finding.Level;

/** ANSI styling that vanishes when colour is off, plus cleaning of text that came from the input. */
final class Ansi {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String GREEN = "\u001b[32m";

    private final boolean enabled;

    Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    String bold(String text) {
        return paint(BOLD, text);
    }

    String dim(String text) {
        return paint(DIM, text);
    }

    String green(String text) {
        return paint(GREEN, text);
    }

    String level(Level level, String text) {
        return paint(switch (level) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        }, text);
    }

    private String paint(String style, String text) {
        return enabled && !text.isEmpty() ? style + text + RESET : text;
    }

    /**
     * Makes input-derived text safe for a terminal: line breaks and tabs become spaces, other control characters
     * (including ESC, so input cannot inject escape sequences) become {@code ?}.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement = c == '\n' || c == '\r' || c == '\t' ? ' '
                    : Character.isISOControl(c) ? '?' : c;
            if (replacement != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement);
            }
        }
        return out == null ? text : out.toString();
    }
}
