package dev.mcpolicy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Types plain YAML scalars the way Kubernetes reads them. Kubernetes (and Helm) decode YAML through
 * sigs.k8s.io/yaml, which uses go-yaml v2 and therefore YAML 1.1 resolution; this class follows go-yaml v2's
 * {@code resolve} step by step:
 * <ul>
 *   <li>booleans: {@code y Y yes Yes YES true True TRUE on On ON} and {@code n N no No NO false False FALSE
 *       off Off OFF} (other spellings such as {@code tRUE} stay strings);</li>
 *   <li>null: the empty scalar, {@code ~ null Null NULL};</li>
 *   <li>integers: after removing every {@code _}, Go's {@code ParseInt(s, 0, 64)}: an optional sign, then
 *       decimal, {@code 0x}/{@code 0X} hex, {@code 0o}/{@code 0O} or a leading {@code 0} octal,
 *       {@code 0b}/{@code 0B} binary; values above the signed 64-bit range but within unsigned 64 bits are
 *       still integers;</li>
 *   <li>floats: {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?} (so {@code 1e3} and {@code 08}
 *       are floats, as in go-yaml v2), {@code .5}, and {@code .inf}/{@code .nan} in their three spellings;
 *       a value that overflows a double stays a string, as Go's {@code ParseFloat} fails on it;</li>
 *   <li>timestamps ({@code 2024-01-02}) stay strings: go-yaml v2 keeps their text when the target is an
 *       untyped value, which is what sigs.k8s.io/yaml decodes into;</li>
 *   <li>everything else is a string. Sexagesimal numbers ({@code 1:30}) are strings, as in go-yaml v2.</li>
 * </ul>
 * Quoted and block scalars are never typed; that is the caller's concern.
 */
public final class KubernetesScalars {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, JsonNode> KEYWORDS = keywords();
    private static final Pattern GO_YAML_FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private KubernetesScalars() {
    }

    /** The JSON value Kubernetes reads for a plain (unquoted, untagged) scalar's text. */
    public static JsonNode resolvePlain(String text) {
        if (text.isEmpty()) {
            return NODES.nullNode();
        }
        char first = text.charAt(0);
        boolean sign = first == '+' || first == '-';
        boolean digit = first >= '0' && first <= '9';
        boolean keywordStart = "yYnNtTfFoO~".indexOf(first) >= 0;
        if (!sign && !digit && !keywordStart && first != '.') {
            return NODES.textNode(text);
        }
        JsonNode keyword = KEYWORDS.get(text);
        if (keyword != null) {
            return keyword;
        }
        if (first == '.') {
            return DOT_FLOAT.matcher(text).matches() ? finiteOrText(text, text) : NODES.textNode(text);
        }
        if (keywordStart) {
            return NODES.textNode(text);
        }
        String plain = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
        JsonNode integer = parseGoInteger(plain);
        if (integer != null) {
            return integer;
        }
        if (GO_YAML_FLOAT.matcher(plain).matches()) {
            return finiteOrText(plain, text);
        }
        return NODES.textNode(text);
    }

    private static JsonNode finiteOrText(String number, String original) {
        double value = Double.parseDouble(number);
        return Double.isInfinite(value) ? NODES.textNode(original) : NODES.numberNode(value);
    }

    /**
     * Go's {@code ParseInt(s, 0, 64)}, falling back to {@code ParseUint(s, 0, 64)} as go-yaml v2 does;
     * null when neither accepts the text.
     */
    private static JsonNode parseGoInteger(String text) {
        boolean negative = false;
        String digits = text;
        if (!digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        BigInteger magnitude = parseGoUnsigned(digits);
        if (magnitude == null) {
            return null;
        }
        BigInteger value = negative ? magnitude.negate() : magnitude;
        if (value.bitLength() <= 31) {
            return NODES.numberNode(value.intValue());
        }
        if (value.bitLength() <= 63) {
            return NODES.numberNode(value.longValue());
        }
        // Beyond int64, only ParseUint (which takes no sign) can still accept it.
        boolean unsigned = text.charAt(0) != '+' && text.charAt(0) != '-';
        return unsigned ? NODES.numberNode(value) : null;
    }

    /** Go's {@code ParseUint(s, 0, 64)} without underscores; null on a syntax or range error. */
    private static BigInteger parseGoUnsigned(String text) {
        if (text.isEmpty()) {
            return null;
        }
        int base = 10;
        String digits = text;
        if (text.charAt(0) == '0') {
            char prefix = text.length() >= 3 ? Character.toLowerCase(text.charAt(1)) : 0;
            switch (prefix) {
                case 'b' -> base = 2;
                case 'o' -> base = 8;
                case 'x' -> base = 16;
                default -> base = 8;
            }
            digits = prefix == 'b' || prefix == 'o' || prefix == 'x' ? text.substring(2) : text.substring(1);
        }
        if (digits.length() <= 15 && base == 10) {
            long fast = 0;
            for (int i = 0; i < digits.length(); i++) {
                char c = digits.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                fast = fast * 10 + (c - '0');
            }
            return BigInteger.valueOf(fast);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), base) < 0 || digits.charAt(i) > 'z') {
                return null;
            }
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO; // "0" alone: the octal prefix with nothing after it
        }
        BigInteger value = new BigInteger(digits, base);
        return value.compareTo(TWO_TO_64) < 0 ? value : null;
    }

    private static Map<String, JsonNode> keywords() {
        Map<String, JsonNode> map = new HashMap<>();
        for (String word : new String[]{"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
            map.put(word, NODES.booleanNode(true));
        }
        for (String word : new String[]{"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off",
                "OFF"}) {
            map.put(word, NODES.booleanNode(false));
        }
        for (String word : new String[]{"~", "null", "Null", "NULL"}) {
            map.put(word, NODES.nullNode());
        }
        for (String word : new String[]{".nan", ".NaN", ".NAN"}) {
            map.put(word, NODES.numberNode(Double.NaN));
        }
        for (String word : new String[]{".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            map.put(word, NODES.numberNode(Double.POSITIVE_INFINITY));
        }
        for (String word : new String[]{"-.inf", "-.Inf", "-.INF"}) {
            map.put(word, NODES.numberNode(Double.NEGATIVE_INFINITY));
        }
        return Map.copyOf(map);
    }
}
