package dev.mcpolicy.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextMaskingTest {

    static Stream<Arguments> seeds() {
        return LongStream.range(1, 31).mapToObj(Arguments::of);
    }

    /** Where a rule message, an input problem or helm's output may quote a value. */
    private static List<String> quotings(String secret) {
        return List.of(
                "Deployment/mcp writes spec.replicas as the string \"" + secret + "\", and Kubernetes rejects it.",
                "probes the port named \"" + secret + "\" in readinessProbe.httpGet.port, but declares ports a (8080)",
                "duplicate key '" + secret + "' (first at line 3); Kubernetes rejects duplicate keys",
                "selects no pods of the render (app=mcp," + secret + "=x), so it has no endpoints",
                "sets annotation nginx.ingress.kubernetes.io/proxy-read-timeout to \"" + secret + "\", which …",
                "Error: values.yaml: " + secret,
                secret);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyKnownFormatIsMaskedWhereverItIsQuoted(long seed) {
        Random random = new Random(seed);
        for (Map.Entry<String, FakeTokens.Generator> format : FakeTokens.generators().entrySet()) {
            String token = format.getValue().make().apply(random);
            for (String text : quotings(token)) {
                String masked = TextMasking.mask(text);
                assertHidden(token, masked, format.getKey());
                assertTrue(masked.contains(TextMasking.MASK), format.getKey());
                assertEquals(masked, TextMasking.mask(masked), "masking is idempotent");
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void credentialsInUrlsSettingsAndHeadersAreMasked(long seed) {
        Random random = new Random(seed);
        String password = FakeTokens.generic(random, 16 + random.nextInt(30));
        String hand = "Hunter" + random.nextInt(1000) + "!pass";
        Map<String, String> cases = Map.of(
                "image \"https://deployer:" + password + "@registry.example.com/mcp:1.0\" cannot be parsed",
                "image \"https://deployer:****@registry.example.com/mcp:1.0\" cannot be parsed",
                "pulls from oci://" + password + "@ghcr.io/acme/mcp",
                "pulls from oci://****@ghcr.io/acme/mcp",
                "selector (app=mcp,password=" + hand + ")",
                "selector (app=mcp,password=****)",
                "{\"apiToken\": \"" + hand + "\", \"replicas\": 2}",
                "{\"apiToken\": \"****\", \"replicas\": 2}",
                "exec \"server --db-password=" + hand + " --port 8080\"",
                "exec \"server --db-password=**** --port 8080\"",
                "Authorization: Bearer " + password + "xYz0",
                "Authorization: Bearer ****",
                "Server=db;User Id=sa;Password=" + hand + ";",
                "Server=db;User Id=sa;Password=****;",
                "AWS_SECRET_ACCESS_KEY=" + FakeTokens.awsSecret(random) + " in env",
                "AWS_SECRET_ACCESS_KEY=**** in env");
        cases.forEach((text, expected) -> assertEquals(expected, TextMasking.mask(text)));
    }

    /** Rule messages and problems as they are today: nothing in them looks like a secret, so nothing changes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Deployment/mcp writes spec.replicas as the string \"two\", and Kubernetes rejects the manifest.",
            "key 'adminPassword' is named as a credential and holds a literal value",
            "Ingress/mcp names secretName: mcp-tls-cert for host mcp.example.com",
            "image ghcr.io/acme/mcp-server:1.4.2@sha256:0f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a",
            "token: <set-at-deploy-time>; secret=${DB_SECRET}, password={{ .Values.password }}",
            "existingSecret: mcp-server-credentials, passwordKey: db-password",
            "https://charts.example.com/stable and oci://ghcr.io/acme/charts",
            "sets annotation nginx.ingress.kubernetes.io/auth-secret to basic-auth-users",
            "helm template failed (exit 1): template: mcp/templates/deployment.yaml:12:20: executing …",
    })
    void ordinaryTextIsLeftAlone(String text) {
        assertEquals(text, TextMasking.mask(text));
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertEquals(null, TextMasking.mask(null));
        assertEquals("", TextMasking.mask(""));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void longHostileTextIsMaskedInOnePass() {
        List<String> texts = new ArrayList<>();
        texts.add("password=".repeat(100_000));
        texts.add("a=".repeat(200_000));
        texts.add("https://u:p@".repeat(50_000));
        texts.add("x".repeat(500_000) + "://" + "y".repeat(500_000) + "@host");
        texts.add("token: \"" + "a\"".repeat(100_000));
        texts.add("password: 'a' ".repeat(100_000));
        texts.add("password: \"a\n".repeat(100_000) + "\"");
        texts.add("password: \"" + "x".repeat(1_000_000));
        texts.add("password=(".repeat(100_000));
        for (String text : texts) {
            String masked = TextMasking.mask(text);
            assertEquals(masked, TextMasking.mask(masked));
        }
    }

    /** No run of eight characters of the token beyond its public prefixes survives. */
    private static void assertHidden(String token, String masked, String format) {
        String rest = token.replace("https://hooks.slack.com/services/", "\u0000");
        for (String fragment : FakeTokens.PUBLIC_FRAGMENTS) {
            rest = rest.replace(fragment, "\u0000");
        }
        for (String part : rest.split("[\\u0000\\s]+")) {
            for (int i = 0; i + 8 <= part.length(); i++) {
                String window = part.substring(i, i + 8);
                assertFalse(masked.contains(window), () -> format + ": part of the token survives masking");
            }
        }
    }
}
