package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Type checks and text parsing for rule parameters (integer | number | duration | string | boolean | list). */
public final class ParameterTypes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Each type, what values it takes and an example override, for the rule-language reference. */
    public static final Map<String, String[]> DOCUMENTED = documented();

    private static Map<String, String[]> documented() {
        Map<String, String[]> out = new LinkedHashMap<>();
        out.put("integer", new String[]{describe("integer"), "--set-param hpa-min-replicas.minReplicas=3"});
        out.put("number", new String[]{describe("number"), "--set-param my-rule.ratio=0.5"});
        out.put("duration", new String[]{describe("duration") + "; read as seconds",
                "--set-param my-rule.minIdle=90m"});
        out.put("string", new String[]{describe("string"), "--set-param my-rule.label=team"});
        out.put("boolean", new String[]{describe("boolean"), "--set-param my-rule.strict=false"});
        out.put("list", new String[]{describe("list") + " (comma-separated on the command line)",
                "--set-param image-pull-policy.productionNames=prod,live"});
        return java.util.Collections.unmodifiableMap(out);
    }

    private ParameterTypes() {
    }

    /** Why {@code value} is not a valid value of {@code type}, or empty when it is. */
    public static Optional<String> problem(String type, JsonNode value) {
        boolean ok = switch (type) {
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "duration" -> value.isNumber() || value.isTextual() && Durations.seconds(value.asText()).isPresent();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "list" -> value.isArray();
            default -> false;
        };
        return ok ? Optional.empty() : Optional.of("must be " + describe(type));
    }

    /** Parses a command-line override; durations become seconds. */
    public static JsonNode parse(String type, String text) {
        String t = text.trim();
        switch (type) {
            case "integer":
                try {
                    return NODES.numberNode(Long.parseLong(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not " + describe(type));
                }
            case "number":
                try {
                    return NODES.numberNode(new BigDecimal(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not " + describe(type));
                }
            case "duration":
                return Durations.seconds(t).map(ParameterTypes::number)
                        .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not " + describe(type)));
            case "boolean":
                String lower = t.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return NODES.booleanNode(Boolean.parseBoolean(lower));
                }
                throw new IllegalArgumentException("'" + text + "' is not " + describe(type));
            case "list":
                ArrayNode items = NODES.arrayNode();
                for (String item : t.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
                return items;
            default:
                return NODES.textNode(text);
        }
    }

    private static JsonNode number(BigDecimal value) {
        return value.scale() <= 0 && value.toBigInteger().bitLength() < 63 ? NODES.numberNode(value.longValueExact()) : NODES.numberNode(value);
    }

    /** True for types whose values can stand where the engine expects a number. */
    public static boolean isNumeric(String type) {
        return type.equals("integer") || type.equals("number") || type.equals("duration");
    }

    private static String describe(String type) {
        return switch (type) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "duration" -> "a duration (seconds, or e.g. 90s, 60m, 1h)";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "list" -> "a list";
            default -> "of type " + type;
        };
    }
}
