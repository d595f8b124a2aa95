package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mcpolicy.engine.mechanism.Values;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${name}} in a check's configuration with parameter values: a string that is exactly
 * {@code ${name}} becomes the value itself (keeping its type), a longer string gets the value's text.
 */
public final class ParameterSubstitution {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private ParameterSubstitution() {
    }

    public static JsonNode apply(JsonNode node, Map<String, JsonNode> values) {
        if (node.isTextual()) {
            String text = node.asText();
            Matcher whole = REFERENCE.matcher(text);
            if (whole.matches() && values.containsKey(whole.group(1))) {
                return values.get(whole.group(1)).deepCopy();
            }
            Matcher part = REFERENCE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (part.find()) {
                JsonNode value = values.get(part.group(1));
                part.appendReplacement(out, Matcher.quoteReplacement(value != null ? text(value) : part.group()));
            }
            part.appendTail(out);
            return JsonNodeFactory.instance.textNode(out.toString());
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), apply(field.getValue(), values));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(apply(item, values)));
            return copy;
        }
        return node;
    }

    /** A parameter value as message text: numbers without trailing zeros, lists comma-separated. */
    public static String text(JsonNode value) {
        if (value.isNumber()) {
            return Values.format(value.decimalValue());
        }
        if (value.isArray()) {
            StringBuilder out = new StringBuilder();
            for (JsonNode item : value) {
                out.append(out.length() == 0 ? "" : ", ").append(text(item));
            }
            return out.toString();
        }
        return value.asText();
    }
}
