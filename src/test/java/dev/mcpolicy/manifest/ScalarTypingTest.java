package dev.mcpolicy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;

import static dev.mcpolicy.manifest.LoaderTestSupport.lines;
import static dev.mcpolicy.manifest.LoaderTestSupport.load;
import static dev.mcpolicy.manifest.LoaderTestSupport.onlyProblem;
import static dev.mcpolicy.manifest.LoaderTestSupport.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scalars are typed as Kubernetes (sigs.k8s.io/yaml over go-yaml v2, YAML 1.1) reads them. */
class ScalarTypingTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The value of {@code v} in {@code v: <yaml>}. */
    private static JsonNode valueOf(String yaml) {
        return single("v: " + yaml + "\n").content().get("v");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // plain scalar        | expected type | expected value
            "3600                  | int    | 3600",
            "'3600'                | string | 3600",
            "\"3600\"              | string | 3600",
            "!!str 3600            | string | 3600",
            "off                   | bool   | false",
            "'off'                 | string | off",
            "\"off\"               | string | off",
            "Off                   | bool   | false",
            "OFF                   | bool   | false",
            "oFF                   | string | oFF",
            "on                    | bool   | true",
            "On                    | bool   | true",
            "ON                    | bool   | true",
            "yes                   | bool   | true",
            "Yes                   | bool   | true",
            "YES                   | bool   | true",
            "y                     | bool   | true",
            "Y                     | bool   | true",
            "no                    | bool   | false",
            "No                    | bool   | false",
            "NO                    | bool   | false",
            "n                     | bool   | false",
            "N                     | bool   | false",
            "true                  | bool   | true",
            "True                  | bool   | true",
            "TRUE                  | bool   | true",
            "tRUE                  | string | tRUE",
            "false                 | bool   | false",
            "False                 | bool   | false",
            "FALSE                 | bool   | false",
            "yes please            | string | yes please",
            "~                     | null   | ",
            "null                  | null   | ",
            "Null                  | null   | ",
            "NULL                  | null   | ",
            "nULL                  | string | nULL",
            "''                    | string | ",
            "0                     | int    | 0",
            "-0                    | int    | 0",
            "+12                   | int    | 12",
            "-12                   | int    | -12",
            "1_000                 | int    | 1000",
            "0x1F                  | int    | 31",
            "0X1f                  | int    | 31",
            "-0x10                 | int    | -16",
            "0o17                  | int    | 15",
            "0O17                  | int    | 15",
            "017                   | int    | 15",
            "0b101                 | int    | 5",
            "-0b101                | int    | -5",
            "08                    | float  | 8.0",
            "0x                    | string | 0x",
            "0xZ                   | string | 0xZ",
            "2147483648            | int    | 2147483648",
            "9223372036854775807   | int    | 9223372036854775807",
            "9223372036854775808   | int    | 9223372036854775808",
            "18446744073709551615  | int    | 18446744073709551615",
            "18446744073709551616  | float  | 1.8446744073709552E19",
            "-9223372036854775809  | float  | -9.223372036854776E18",
            "1.5                   | float  | 1.5",
            "1.                    | float  | 1.0",
            ".5                    | float  | 0.5",
            "-.5                   | float  | -0.5",
            "1e3                   | float  | 1000.0",
            "1.5E-2                | float  | 0.015",
            "1e999                 | string | 1e999",
            "1_0.5                 | float  | 10.5",
            "._5                   | string | ._5",
            "1:30                  | string | 1:30",
            "2024-01-02            | string | 2024-01-02",
            "2024-01-02T10:00:00Z  | string | 2024-01-02T10:00:00Z",
            "12Mi                  | string | 12Mi",
            "500m                  | string | 500m",
            "+                     | string | +",
            "-x                    | string | -x",
            "<<x                   | string | <<x",
            "!!int \"42\"          | int    | 42",
            "!!float 1             | float  | 1.0",
            "!!bool yes            | bool   | true",
            "!custom 42            | string | 42",
            "! 42                  | string | 42",
    })
    void scalarsAreTypedAsKubernetesReadsThem(String yaml, String type, String expected) {
        JsonNode value = valueOf(yaml);
        String text = expected == null ? "" : expected;
        switch (type) {
            case "string" -> assertEquals(NODES.textNode(text), value);
            case "bool" -> assertEquals(NODES.booleanNode(Boolean.parseBoolean(text)), value);
            case "null" -> assertTrue(value.isNull(), () -> "not null: " + value);
            case "int" -> {
                assertTrue(value.isIntegralNumber(), () -> "not an integer: " + value);
                assertEquals(new BigInteger(text), value.bigIntegerValue());
            }
            case "float" -> {
                assertTrue(value.isDouble(), () -> "not a float: " + value);
                assertEquals(Double.parseDouble(text), value.doubleValue());
            }
            default -> throw new IllegalArgumentException(type);
        }
    }

    @Test
    void smallIntegersAreIntNodesLikeJacksonReadsJson() {
        assertTrue(valueOf("3600").isInt());
        assertTrue(valueOf("2147483648").isLong());
        assertTrue(valueOf("9223372036854775808").isBigInteger());
    }

    @Test
    void emptyValuesAreNull() {
        ManifestDocument doc = single(lines("a:", "b: []", "c: {}", "d: ''"));
        assertTrue(doc.content().get("a").isNull());
        assertTrue(doc.content().get("b").isArray());
        assertTrue(doc.content().get("c").isObject());
        assertEquals("", doc.content().get("d").textValue());
    }

    @Test
    void blockScalarsAreAlwaysStrings() {
        ManifestDocument doc = single(lines("a: |", "  3600", "b: >-", "  true"));
        assertEquals("3600\n", doc.content().get("a").textValue());
        assertEquals("true", doc.content().get("b").textValue());
    }

    @Test
    void keysAreAlwaysTheirText() {
        ManifestDocument doc = single(lines("on: 1", "3600: 2", "~: 3", "'quoted': 4", "true: 5"));
        assertEquals("[\"on\",\"3600\",\"~\",\"quoted\",\"true\"]", fieldNames(doc.content()));
    }

    private static String fieldNames(JsonNode object) {
        StringBuilder out = new StringBuilder("[");
        object.fieldNames().forEachRemaining(name -> out.append(out.length() > 1 ? "," : "").append('"')
                .append(name).append('"'));
        return out.append(']').toString();
    }

    @Test
    void mistypedExplicitTagIsAnErrorAndTheTextIsKept() {
        LoadResult result = load(lines("a: !!int twelve", "b: 1"));
        InputProblem problem = onlyProblem(result);
        assertEquals(1, problem.line());
        assertEquals(4, problem.column());
        assertTrue(problem.message().contains("!!int"), problem.message());
        assertTrue(!problem.message().contains("twelve"), "the value is never printed: " + problem.message());
        assertEquals("twelve", result.documents().get(0).content().get("a").textValue());
    }

    @Test
    void infinityAndNanAreReportedBecauseJsonCannotHoldThem() {
        LoadResult result = load(lines("a: .inf", "b: -.Inf", "c: .NaN", "d: '.inf'"));
        assertEquals(3, result.problems().size(), () -> result.problems().toString());
        JsonNode content = result.documents().get(0).content();
        assertEquals(Double.POSITIVE_INFINITY, content.get("a").doubleValue());
        assertEquals(Double.NEGATIVE_INFINITY, content.get("b").doubleValue());
        assertTrue(Double.isNaN(content.get("c").doubleValue()));
        assertEquals(".inf", content.get("d").textValue());
    }
}
