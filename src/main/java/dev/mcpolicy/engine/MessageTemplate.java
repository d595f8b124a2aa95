package dev.mcpolicy.engine;

import dev.mcpolicy.secrets.TextMasking;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages with named placeholders: {@code {object}} is replaced by the value named {@code object}.
 * Only {@code {identifier}} is a placeholder; other braces are literal text. Values come from the input, so each is
 * masked ({@link TextMasking}) and a long one shortened before it goes into the message.
 */
public final class MessageTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    /** Values longer than this are cut: a message is read at a glance, and the line it points at shows the rest. */
    static final int MAX_VALUE_LENGTH = 200;

    private MessageTemplate() {
    }

    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Fills every placeholder; one without a value stays as written, so a gap is visible rather than silent. */
    public static String render(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? quoted(value) : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A placeholder's value as the message shows it: secrets masked, then cut to {@link #MAX_VALUE_LENGTH}. */
    static String quoted(String value) {
        String masked = TextMasking.mask(value);
        return masked.length() <= MAX_VALUE_LENGTH ? masked
                : TextMasking.excerpt(masked, MAX_VALUE_LENGTH - 40) + " (" + masked.length() + " characters)";
    }
}
