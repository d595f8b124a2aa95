package dev.mcpolicy.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…::message}), escaped as GitHub's own toolkit
 * ({@code @actions/core}, {@code command.ts}) escapes them: in the message {@code %}, CR and LF become
 * {@code %25}, {@code %0D} and {@code %0A}; in property values {@code :} and {@code ,} also become {@code %3A} and
 * {@code %2C}. Nothing an input says can then end the command early or start another one.
 */
public final class WorkflowCommands {
    private WorkflowCommands() {
    }

    /** {@code ::name key=value,…::message}; properties in the given order, null values left out. */
    public static String command(String name, Map<String, String> properties, String message) {
        StringBuilder line = new StringBuilder("::").append(name);
        Map<String, String> present = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (value != null && !value.isEmpty()) {
                present.put(key, value);
            }
        });
        if (!present.isEmpty()) {
            line.append(' ').append(present.entrySet().stream()
                    .map(e -> e.getKey() + "=" + escapeProperty(e.getValue()))
                    .collect(Collectors.joining(",")));
        }
        return line.append("::").append(escapeData(message == null ? "" : message)).toString();
    }

    /**
     * Also turns other control characters into {@code ?}: the log viewer would otherwise obey escape sequences the
     * input smuggled in.
     */
    public static String escapeData(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case '\r' -> out.append("%0D");
                case '\n' -> out.append("%0A");
                default -> out.append(Character.isISOControl(c) && c != '\t' ? '?' : c);
            }
        }
        return out.toString();
    }

    public static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
