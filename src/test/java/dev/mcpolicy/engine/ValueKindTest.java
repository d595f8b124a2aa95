package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpolicy.engine.mechanism.ValueKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@code as:} reads values: the table is written as JSON so that strings, numbers and booleans differ. */
class ValueKindTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest(name = "{0} reads {1} as {2}")
    @CsvSource(delimiter = '|', nullValues = "INVALID", value = {
            // numbers in strings, the way controllers parse annotation values
            "number   | '\"3600\"'    | 3600",
            "number   | 3600          | 3600",
            "number   | '\"0.5\"'     | 0.5",
            "number   | '\" 42 \"'    | 42",
            "number   | '\"3600s\"'   | INVALID",
            "number   | true          | INVALID",
            "integer  | 60            | 60",
            "integer  | '\"60\"'      | 60",
            "integer  | 60.5          | INVALID",
            "integer  | '\"6e1\"'     | INVALID",
            // ingress-nginx timeouts: strconv.Atoi, no unit
            "seconds  | '\"3600\"'    | 3600",
            "seconds  | 3600          | 3600",
            "seconds  | '\"3600s\"'   | INVALID",
            "seconds  | '\"1h\"'      | INVALID",
            "seconds  | '\" 3600\"'   | INVALID",
            "seconds  | '\"\"'        | INVALID",
            // Go durations
            "duration | '\"3600\"'    | 3600",
            "duration | '\"3600s\"'   | 3600",
            "duration | '\"60m\"'     | 3600",
            "duration | '\"1h\"'      | 3600",
            "duration | '\"1h30m\"'   | 5400",
            "duration | '\"1.5h\"'    | 5400",
            "duration | '\"500ms\"'   | 0.5",
            "duration | '\"1d\"'      | INVALID",
            "duration | '\"h\"'       | INVALID",
            // Kong: whole milliseconds, read as seconds
            "milliseconds | '\"60000\"'   | 60",
            "milliseconds | 3600000     | 3600",
            "milliseconds | '\"1500\"'    | 1.5",
            "milliseconds | '\"60s\"'     | INVALID",
            "milliseconds | '\"-1\"'      | INVALID",
            // HAProxy times: a bare number is milliseconds, units up to days
            "duration-ms  | '\"3600\"'    | 3.6",
            "duration-ms  | '\"50s\"'     | 50",
            "duration-ms  | '\"1h\"'      | 3600",
            "duration-ms  | '\"2d\"'      | 172800",
            "duration-ms  | 50000       | 50",
            "duration-ms  | '\"1h30\"'    | INVALID",
            "duration-ms  | '\"s\"'       | INVALID",
            // booleans: a YAML boolean or what strconv.ParseBool accepts
            "boolean  | true          | true",
            "boolean  | '\"false\"'   | false",
            "boolean  | '\"True\"'    | true",
            "boolean  | '\"1\"'       | true",
            "boolean  | '\"off\"'     | INVALID",
            "boolean  | '\"yes\"'     | INVALID",
            // strings: scalars as their text
            "string   | '\"off\"'     | off",
            "string   | 3600          | 3600",
            "string   | false         | false",
            "string   | '{}'          | INVALID",
            "string   | null          | INVALID"})
    void readsValuesTheWayTheConsumerDoes(String kind, String json, String expected) throws Exception {
        JsonNode node = JSON.readTree(json);
        Optional<Object> read = ValueKind.byId(kind).orElseThrow().read(node);
        assertEquals(Optional.ofNullable(expected), read.map(ValueKind::text));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 20260101})
    void seededRandomDurationsAndSeconds(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            int hours = random.nextInt(48);
            int minutes = random.nextInt(60);
            int seconds = random.nextInt(100_000);
            BigDecimal total = BigDecimal.valueOf(hours * 3600L + minutes * 60L);
            assertEquals(Optional.of(BigDecimal.valueOf(seconds)), ValueKind.SECONDS.read(NODES.textNode(Integer.toString(seconds))));
            assertEquals(Optional.empty(), ValueKind.SECONDS.read(NODES.textNode(seconds + "s")));
            assertEquals(0, ((BigDecimal) ValueKind.DURATION.read(NODES.textNode(seconds + "s")).orElseThrow())
                    .compareTo(BigDecimal.valueOf(seconds)));
            assertEquals(0, ((BigDecimal) ValueKind.DURATION.read(NODES.textNode(hours + "h" + minutes + "m")).orElseThrow())
                    .compareTo(total));
            assertEquals(0, ((BigDecimal) ValueKind.NUMBER.read(NODES.textNode(Integer.toString(seconds))).orElseThrow())
                    .compareTo(BigDecimal.valueOf(seconds)));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "off | OFF | true  | true",
            "off | OFF | false | false",
            "off | off | false | true"})
    void stringEqualityRespectsIgnoreCase(String a, String b, boolean ignoreCase, boolean same) {
        assertEquals(same, ValueKind.same(a, b, ignoreCase));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3600", "3600.0", "3.6E+3"})
    void numbersCompareByValueAndPrintPlainly(String text) {
        assertTrue(ValueKind.same(new BigDecimal(text), BigDecimal.valueOf(3600), false));
        assertEquals("3600", ValueKind.text(new BigDecimal(text)));
    }
}
