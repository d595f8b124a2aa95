package dev.mcpolicy.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random tokens of every format, placed bare, inside prose, inside a URL and under a secret-named key:
 * each must be found with its kind, and no reason may show any part of the token beyond its public prefix.
 */
class RandomTokenTest {

    static Stream<Arguments> seeds() {
        return LongStream.range(1, 41).mapToObj(Arguments::of);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyFormatIsFoundAndNeverShown(long seed) {
        Random rnd = new Random(seed);
        SecretScanner scanner = new SecretScanner();
        for (Map.Entry<String, FakeTokens.Generator> format : FakeTokens.generators().entrySet()) {
            String token = format.getValue().make().apply(rnd);
            String kind = format.getValue().kind();
            for (String placed : placements(format.getKey(), token)) {
                ObjectNode root = JsonNodeFactory.instance.objectNode();
                root.putObject("app").put("setting", placed);
                List<SecretHit> hits = scanner.scanValues(root);
                assertEquals(1, hits.size(), () -> format.getKey() + " in: " + shape(placed));
                assertEquals(kind, hits.get(0).kind(), () -> format.getKey() + " in: " + shape(placed));
                assertEquals("/app/setting", hits.get(0).pointer());
                Disclosure.assertReasonHidesValue(hits.get(0), token);
            }
            SecretHit named = scanner.classifyEnv("/env/0/value", "MCP_API_TOKEN", token).orElseThrow();
            assertEquals(kind, named.kind(), "a format beats the key name");
            Disclosure.assertReasonHidesValue(named, token);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void keyBasedReasonsDoNotDependOnTheValue(long seed) {
        Random rnd = new Random(seed);
        SecretScanner scanner = new SecretScanner();
        Set<String> reasons = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String value = FakeTokens.generic(rnd, 8 + rnd.nextInt(30));
            SecretHit hit = scanner.classifyEnv("/env/1/value", "MCP_DB_PASSWORD", value).orElseThrow();
            Disclosure.assertReasonHidesValue(hit, value);
            reasons.add(hit.reason());
        }
        assertEquals(1, reasons.size(), "same key, different values: one reason");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void awsSecretKeysUnderTheirNames(long seed) {
        Random rnd = new Random(seed);
        String secret = FakeTokens.awsSecret(rnd);
        JsonNode root = JsonNodeFactory.instance.objectNode().put("awsSecretAccessKey", secret);
        List<SecretHit> hits = new SecretScanner().scanValues(root);
        assertEquals(List.of("AWS secret access key"), hits.stream().map(SecretHit::kind).toList());
        Disclosure.assertReasonHidesValue(hits.get(0), secret);
    }

    /** The same token in several surroundings; URLs only for formats that are not URLs themselves. */
    private static List<String> placements(String format, String token) {
        if (format.equals("slack-webhook") || format.equals("private-key") || format.equals("azure-sas")) {
            return List.of(token, "value: " + token);
        }
        return List.of(token, "export TOKEN=" + token + " # rotate monthly", "https://api.example.com/v1?key=" + token,
                "\"" + token + "\"");
    }

    /** Describes a string without showing it (failure messages must not print tokens either). */
    private static String shape(String s) {
        return s.length() + " chars";
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void truncatedTokensAreNotFormats(long seed) {
        Random rnd = new Random(seed);
        SecretScanner scanner = new SecretScanner();
        for (String prefix : List.of("ghp_", "gho_", "npm_", "AKIA")) {
            String shortBody = prefix + FakeTokens.random(rnd, FakeTokens.ALNUM.toUpperCase(), 10);
            ObjectNode root = JsonNodeFactory.instance.objectNode().put("label", shortBody);
            assertTrue(scanner.scanValues(root).isEmpty(), prefix + " with a short body");
        }
    }
}
