package dev.mcpolicy.report;

import dev.mcpolicy.finding.Level;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Style;

/**
 * Colour for the text report through picocli's ANSI styles; with colour off every method returns its text as is.
 * Whether colour is on is decided once by the caller ({@code --color}, {@code NO_COLOR}, a terminal).
 */
final class TerminalStyle {
    private final boolean enabled;

    TerminalStyle(boolean enabled) {
        this.enabled = enabled;
    }

    String bold(String text) {
        return paint(text, Style.bold);
    }

    String dim(String text) {
        return paint(text, Style.faint);
    }

    String green(String text) {
        return paint(text, Style.fg_green);
    }

    String level(Level level, String text) {
        return switch (level) {
            case ERROR -> paint(text, Style.bold, Style.fg_red);
            case WARNING -> paint(text, Style.fg_yellow);
            case NOTE -> paint(text, Style.fg_cyan);
        };
    }

    private String paint(String text, IStyle... styles) {
        return enabled && !text.isEmpty() ? Style.on(styles) + text + Style.reset.on() : text;
    }
}
