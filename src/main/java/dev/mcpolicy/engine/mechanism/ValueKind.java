package dev.mcpolicy.engine.mechanism;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.rules.Durations;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a check reads a value ({@code as:}), the way the consumer (Kubernetes or a controller) parses it.
 * Numeric kinds read to {@link BigDecimal}, {@code string} to String, {@code boolean} to Boolean.
 */
public enum ValueKind {
    /** A decimal number, written as a number or inside a string: {@code 3600}, {@code "3600"}, {@code "0.5"}. */
    NUMBER("number", "a number"),
    /** A whole number, written as a number or inside a string. */
    INTEGER("integer", "a whole number"),
    /** Whole seconds as ingress-nginx reads its timeout annotations ({@code strconv.Atoi}): {@code "3600"}; {@code "3600s"} is not. */
    SECONDS("seconds", "plain whole seconds such as \"3600\" (no unit)"),
    /** A Go-style duration or bare seconds: {@code "3600"}, {@code "3600s"}, {@code "60m"}, {@code "1h30m"}. */
    DURATION("duration", "a duration such as \"3600s\", \"60m\" or \"1h\""),
    /** Whole milliseconds (Kong's timeouts): {@code "60000"}; read as seconds so bounds stay in seconds. */
    MILLISECONDS("milliseconds", "a whole number of milliseconds such as \"3600000\" (no unit)"),
    /**
     * HAProxy's time format: a number with a unit ({@code us}, {@code ms}, {@code s}, {@code m}, {@code h},
     * {@code d}), where a bare number counts as milliseconds; read as seconds.
     */
    DURATION_MS("duration-ms", "a duration with a unit such as \"3600s\" or \"1h\" (a bare number means milliseconds)"),
    /** Text (numbers and booleans read as their text). */
    STRING("string", "text"),
    /** A boolean, or text Go's {@code strconv.ParseBool} accepts ({@code "true"}, {@code "False"}, {@code "1"}, …). */
    BOOLEAN("boolean", "true or false");

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern UNSIGNED = Pattern.compile("\\d+");
    private static final Pattern DAYS = Pattern.compile("(\\d+)d");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private final String id;
    private final String description;

    ValueKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    /** What a valid value looks like, for messages. */
    public String description() {
        return description;
    }

    public boolean numeric() {
        return this == NUMBER || this == INTEGER || this == SECONDS || this == DURATION || this == MILLISECONDS
                || this == DURATION_MS;
    }

    /**
     * How {@code min}/{@code max} are read: in seconds for the kinds that read a value written in milliseconds, so
     * that a rule's {@code minSeconds} means seconds whatever unit the setting is written in.
     */
    public ValueKind boundKind() {
        return this == MILLISECONDS || this == DURATION_MS ? NUMBER : this;
    }

    public static Optional<ValueKind> byId(String id) {
        for (ValueKind kind : values()) {
            if (kind.id.equals(id)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The value as this kind reads it, or empty when the consumer would not understand it. */
    public Optional<Object> read(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        if (!Values.finite(node)) {
            return this == STRING ? Optional.of(Values.text(node)) : Optional.empty();
        }
        String text = node.isNumber() ? Values.format(node.decimalValue()) : node.asText();
        switch (this) {
            case NUMBER:
                if (node.isNumber()) {
                    return Optional.of(node.decimalValue());
                }
                return node.isTextual() && DECIMAL.matcher(text.trim()).matches()
                        ? Optional.of(new BigDecimal(text.trim())) : Optional.empty();
            case INTEGER:
            case SECONDS:
                if (node.isIntegralNumber()) {
                    return Optional.of(node.decimalValue());
                }
                return node.isTextual() && WHOLE.matcher(text).matches()
                        ? Optional.of(new BigDecimal(text)) : Optional.empty();
            case DURATION:
                if (node.isNumber()) {
                    return Optional.of(node.decimalValue());
                }
                return node.isTextual() ? Durations.seconds(text).map(BigDecimal.class::cast) : Optional.empty();
            case MILLISECONDS:
                if (node.isIntegralNumber()) {
                    return Optional.of(seconds(node.decimalValue()));
                }
                return node.isTextual() && UNSIGNED.matcher(text.trim()).matches()
                        ? Optional.of(seconds(new BigDecimal(text.trim()))) : Optional.empty();
            case DURATION_MS:
                return haproxyTime(node, text.trim());
            case BOOLEAN:
                if (node.isBoolean()) {
                    return Optional.of(node.booleanValue());
                }
                if (node.isTextual() && TRUE.contains(text)) {
                    return Optional.of(Boolean.TRUE);
                }
                return node.isTextual() && FALSE.contains(text) ? Optional.of(Boolean.FALSE) : Optional.empty();
            default:
                return Optional.of(text);
        }
    }

    private static Optional<Object> haproxyTime(JsonNode node, String text) {
        if (node.isIntegralNumber() || node.isTextual() && UNSIGNED.matcher(text).matches()) {
            return Optional.of(seconds(new BigDecimal(text)));
        }
        if (!node.isTextual()) {
            return Optional.empty();
        }
        java.util.regex.Matcher days = DAYS.matcher(text);
        if (days.matches()) {
            return Optional.of(new BigDecimal(days.group(1)).multiply(BigDecimal.valueOf(86_400)));
        }
        return text.isEmpty() || Character.isDigit(text.charAt(text.length() - 1))
                ? Optional.empty() : Durations.seconds(text).map(Object.class::cast);
    }

    /** Milliseconds as seconds, without trailing zeros. */
    private static BigDecimal seconds(BigDecimal milliseconds) {
        BigDecimal seconds = milliseconds.divide(THOUSAND).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    /** Equality as this kind sees it: numbers by value, strings exactly or ignoring case. */
    public static boolean same(Object a, Object b, boolean ignoreCase) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof String x && b instanceof String y) {
            return ignoreCase ? x.toLowerCase(Locale.ROOT).equals(y.toLowerCase(Locale.ROOT)) : x.equals(y);
        }
        return a.equals(b);
    }

    /** A read value as message text. */
    public static String text(Object value) {
        return value instanceof BigDecimal number ? Values.format(number) : String.valueOf(value);
    }
}
