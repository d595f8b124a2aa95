package dev.mcpolicy.engine.workloads;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes {@code IntOrString} count such as {@code maxUnavailable: 1} or {@code minAvailable: "50%"}.
 * Only a whole number or a string {@code "N%"} is valid, as in {@code intstr.GetScaledValueFromIntOrPercent}.
 */
public record IntOrPercent(int value, boolean percent) {
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,9})%");

    public static Optional<IntOrPercent> read(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0) {
            return Optional.of(new IntOrPercent(node.intValue(), false));
        }
        if (node.isTextual()) {
            return parse(node.asText());
        }
        return Optional.empty();
    }

    public static Optional<IntOrPercent> parse(String text) {
        Matcher matcher = PERCENT.matcher(text.trim());
        return matcher.matches() ? Optional.of(new IntOrPercent(Integer.parseInt(matcher.group(1)), true))
                : Optional.empty();
    }

    /** The absolute count for {@code total} pods; percentages round up or down as the consuming controller does. */
    public int of(int total, boolean roundUp) {
        if (!percent) {
            return value;
        }
        long scaled = (long) value * total;
        long result = roundUp ? (scaled + 99) / 100 : scaled / 100;
        return (int) Math.min(Integer.MAX_VALUE, result);
    }

    /** As written: {@code 1} or {@code 25%}. */
    public String text() {
        return percent ? value + "%" : Integer.toString(value);
    }
}
