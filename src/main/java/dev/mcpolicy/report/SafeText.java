package dev.mcpolicy.report;

/** Makes input-derived text safe to print on a terminal or in a one-line format. */
final class SafeText {
    private SafeText() {
    }

    /**
     * Line breaks and tabs become spaces; other control characters (including ESC, so input cannot inject escape
     * sequences) become {@code ?}.
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
