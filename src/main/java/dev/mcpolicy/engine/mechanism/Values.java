package dev.mcpolicy.engine.mechanism;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.manifest.JsonPointers;

import java.math.BigDecimal;

/** Small formatting helpers shared by mechanisms. */
public final class Values {
    private Values() {
    }

    public static String format(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    /** The YAML type a user would recognise: string, integer, number, boolean, null, mapping, list. */
    public static String yamlType(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "list" : "mapping";
    }

    /** A scalar as text (numbers without trailing zeros; .inf, -.inf and .nan as YAML spells them). */
    public static String text(JsonNode node) {
        if (node.isNumber()) {
            return finite(node) ? format(node.decimalValue()) : yamlSpelling(node.doubleValue());
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        return node.toString();
    }

    /**
     * False for {@code .inf}, {@code -.inf} and {@code .nan}: YAML numbers that JSON, and so Kubernetes, cannot hold.
     * The loader reports them at their line; mechanisms read them as no number at all, as they have no decimal value.
     */
    public static boolean finite(JsonNode node) {
        return !node.isFloatingPointNumber() || node.isBigDecimal() || Double.isFinite(node.doubleValue());
    }

    private static String yamlSpelling(double value) {
        return Double.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
    }

    /** {@code /db/password} → {@code db.password}; {@code /env/0/value} → {@code env[0].value}. */
    public static String dottedPath(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String token : JsonPointers.tokens(pointer)) {
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                out.append('[').append(token).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(token);
            }
        }
        return out.toString();
    }
}
