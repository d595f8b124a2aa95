package dev.mcpolicy.manifest;

/**
 * Text from the input (a file name above all) made safe to print on one line: control characters become visible
 * escapes, so a file named {@code "a\nb.yaml: error"} cannot forge a second problem line on stderr, and ESC cannot
 * start a terminal escape sequence. Line and paragraph separators and the bidirectional controls that can make a
 * terminal show text in another order than it is stored are escaped too. JSON and SARIF keep the real text (their
 * writers escape it).
 */
public final class PrintableText {
    private PrintableText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || isInvisibleLayoutControl(c) ? String.format("\\u%04x", (int) c)
                    : null;
        };
    }

    /** U+2028/U+2029 break lines in some terminals; U+202A–U+202E and U+2066–U+2069 reorder what is shown. */
    private static boolean isInvisibleLayoutControl(char c) {
        return c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
