package dev.mcpolicy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static dev.mcpolicy.manifest.LoaderTestSupport.load;
import static dev.mcpolicy.manifest.LoaderTestSupport.textBetween;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random documents, written by snakeyaml-engine's emitter in random styles, loaded back: every pointer's
 * key span must hold exactly the key's text, every scalar's value span the value, and the JSON tree must
 * match what was written. Seeded, so a failure names the seed that reproduces it.
 */
class RandomRoundTripTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keys are always read as text, so words that YAML 1.1 would type are fine here. */
    private static final String[] KEY_WORDS = {"name", "on", "yes", "Off", "123", "0x1F", "~", "null", "a b",
            "k:v", "with: colon", "#hash", "tab\tin", "emoji\uD83D\uDE00", "\u00E9t\u00E9", "slash/key",
            "tilde~key", "-dash", "<<x", "quote'", "dq\"", " lead", "trail ", "[x]", "{y}", "*star", "&amp",
            "!bang", "%pct", "@at", "`tick", "nginx.ingress.kubernetes.io/proxy-read-timeout"};
    /** Values avoid text that a YAML 1.2 emitter leaves plain but YAML 1.1 (Kubernetes) would type. */
    private static final String[] VALUE_WORDS = {"server", "mcp-server", "hello world", "a: b", "x #y",
            "'single'", "\"double\"", "line1\nline2", "trailing\n", "  indented", "emoji \uD83D\uDE00 here",
            "\u00FC", "back\\slash", "-dash", "http://x/y?z=1", "{not flow}", "[nor this]", "*", "&", "!", "%",
            "@", "`", "tab\there", "", "- item", "? q", "ends with space "};

    static IntStream seeds() {
        return IntStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everySpanPointsAtTheTextItNames(int seed) {
        Random random = new Random(seed);
        List<Object> documents = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            documents.add(randomMap(random, 0, new ArrayList<>()));
        }
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.values()[random.nextInt(FlowStyle.values().length)])
                .setIndent(2 + random.nextInt(3))
                .setWidth(20 + random.nextInt(100))
                .setExplicitStart(random.nextBoolean() || count > 1)
                .setBestLineBreak(random.nextInt(4) == 0 ? "\r\n" : "\n")
                .build();
        String text = new Dump(settings).dumpAllToString(documents.iterator());

        LoadResult result = load(text);
        assertEquals(List.of(), result.problems(), () -> "seed " + seed + "\n" + text);
        assertEquals(count, result.documents().size(), () -> "seed " + seed + "\n" + text);
        for (int i = 0; i < count; i++) {
            ManifestDocument document = result.documents().get(i);
            JsonNode expected = toJson(documents.get(i));
            assertEquals(expected, document.content(), () -> "seed " + seed + "\n" + text);
            List<String> pointers = new ArrayList<>();
            checkSpans(text, document, expected, "", null, pointers, seed);
            assertEquals(pointers.size(), document.positions().size(), () -> "seed " + seed);
        }
    }

    private static void checkSpans(String text, ManifestDocument document, JsonNode expected, String pointer,
                                   String key, List<String> pointers, int seed) {
        pointers.add(pointer);
        NodeSpan span = document.positions().get(pointer).orElse(null);
        assertNotNull(span, () -> "seed " + seed + ": no span for " + pointer);
        if (key == null) {
            assertNull(span.key(), () -> "seed " + seed + ": " + pointer);
        } else {
            String keyText = textBetween(text, span.key(), span.keyEnd());
            assertEquals(key, scalarValue(keyText), () -> "seed " + seed + ": key of " + pointer + " at "
                    + span.key() + " is [" + keyText + "]\n" + text);
        }
        if (expected.isValueNode()) {
            String valueText = textBetween(text, span.valueStart(), span.valueEnd());
            if (valueText.startsWith("|") || valueText.startsWith(">")) {
                assertBlockScalarHolds(valueText, expected.textValue(), seed, pointer);
                return;
            }
            assertEquals(expected.isTextual() ? expected.textValue() : expected.toString(),
                    scalarText(valueText), () -> "seed " + seed + ": value of " + pointer + " at "
                            + span.valueStart() + " is [" + valueText + "]\n" + text);
        } else if (expected.isObject()) {
            expected.fields().forEachRemaining(field -> checkSpans(text, document, field.getValue(),
                    JsonPointers.child(pointer, field.getKey()), field.getKey(), pointers, seed));
        } else {
            for (int i = 0; i < expected.size(); i++) {
                checkSpans(text, document, expected.get(i), JsonPointers.child(pointer, i), null, pointers, seed);
            }
        }
    }

    /**
     * A block scalar's indentation depends on its parent's, so its source cannot be parsed on its own; its
     * span must still hold every line of the value, in order.
     */
    private static void assertBlockScalarHolds(String source, String value, int seed, String pointer) {
        int from = 0;
        for (String line : value.split("\n")) {
            int found = source.indexOf(line.strip(), from);
            assertTrue(found >= 0, () -> "seed " + seed + ": block scalar of " + pointer + " lacks [" + line
                    + "] in [" + source + "]");
            from = found + line.strip().length();
        }
    }

    /** The value of a scalar's source text, parsed on its own. */
    private static String scalarValue(String source) {
        Node node = new Compose(LoadSettings.builder().build()).composeString(source).orElseThrow();
        return assertInstanceOf(ScalarNode.class, node, source).getValue();
    }

    /** A scalar's source text as JSON text: strings as their value, the rest as Kubernetes types them. */
    private static String scalarText(String source) {
        ScalarNode node = (ScalarNode) new Compose(LoadSettings.builder().build()).composeString(source)
                .orElseThrow();
        if (!node.isPlain()) {
            return node.getValue();
        }
        JsonNode typed = KubernetesScalars.resolvePlain(node.getValue());
        return typed.isTextual() ? typed.textValue() : typed.toString();
    }

    private static Map<String, Object> randomMap(Random random, int depth, List<Object> shareable) {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = 1 + random.nextInt(depth == 0 ? 6 : 4);
        for (int i = 0; i < size; i++) {
            String key = KEY_WORDS[random.nextInt(KEY_WORDS.length)] + (random.nextBoolean() ? "" : random.nextInt(9));
            map.put(key, randomValue(random, depth + 1, shareable));
        }
        shareable.add(map);
        return map;
    }

    private static Object randomValue(Random random, int depth, List<Object> shareable) {
        int choice = random.nextInt(depth >= 4 ? 6 : 10);
        return switch (choice) {
            case 0 -> random.nextInt(200_000) - 100_000;
            case 1 -> random.nextLong();
            case 2 -> random.nextBoolean();
            case 3 -> null;
            case 4 -> random.nextInt(1000) + 0.5;
            case 5 -> randomString(random);
            case 6, 7 -> randomMap(random, depth, shareable);
            case 8 -> randomList(random, depth, shareable);
            default -> shareable.isEmpty() || random.nextInt(3) > 0 ? randomString(random)
                    : shareable.get(random.nextInt(shareable.size())); // emitted as an anchor and an alias
        };
    }

    private static List<Object> randomList(Random random, int depth, List<Object> shareable) {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            list.add(randomValue(random, depth + 1, shareable));
        }
        shareable.add(list);
        return list;
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder("s");
        int words = 1 + random.nextInt(3);
        for (int i = 0; i < words; i++) {
            text.append(random.nextBoolean() ? " " : "").append(VALUE_WORDS[random.nextInt(VALUE_WORDS.length)]);
        }
        return random.nextInt(5) == 0 ? text.substring(1) : text.toString();
    }

    @SuppressWarnings("unchecked")
    private static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            ((Map<String, Object>) map).forEach((k, v) -> object.set(k, toJson(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Long number) {
            return number == number.intValue() ? NODES.numberNode(number.intValue()) : NODES.numberNode(number);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        assertTrue(value instanceof String);
        return NODES.textNode((String) value);
    }
}
