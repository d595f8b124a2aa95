package dev.mcpolicy.secrets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long values shaped to hurt regular expressions: repeated groups that recursed once per repetition (a
 * {@code StackOverflowError} at 8 KB) and openers without closers that a regex rescans from every start. Each
 * shape, 64 KB long, under every kind of key name, must be classified without an error; the timeout only catches a
 * hang. The rewritten patterns must still accept exactly what the original ones accepted.
 */
class HostileShapesTest {
    private static final int LENGTH = 64 * 1024;

    /** Key names that reach each decision path of the scanner (credential, shaped, key name, object name, neutral). */
    private static final List<String> KEYS = List.of("password", "apiToken", "secret", "passwordKey",
            "tlsSecret", "secretKey", "auth", "SECRET_KEY", "config", "tokens");

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("A_B_B…", "A" + "_B".repeat(LENGTH / 2)),
                Arguments.of("a.b.b…", "a" + ".b".repeat(LENGTH / 2)),
                Arguments.of("a-b-b…", "a" + "-b".repeat(LENGTH / 2)),
                Arguments.of("aBcBc…", "a" + "Bc".repeat(LENGTH / 2)),
                Arguments.of("1.2.2…", "1" + ".2".repeat(LENGTH / 2)),
                Arguments.of("v1.2.3-a.a.a…", "v1.2.3-" + "a.".repeat(LENGTH / 2)),
                Arguments.of("a.b.b… (dns)", "a" + ".b0".repeat(LENGTH / 3)),
                Arguments.of("${${${…", "${".repeat(LENGTH / 2)),
                Arguments.of("{{{{…", "{".repeat(LENGTH)),
                Arguments.of("$($($(…", "$(".repeat(LENGTH / 2)),
                Arguments.of("#{%{#{…", "#{%{".repeat(LENGTH / 4)),
                Arguments.of("<<<<…", "<a".repeat(LENGTH / 2)),
                Arguments.of("xxx.xxx.…", "xxx.".repeat(LENGTH / 4)),
                Arguments.of("a@a.a.a…", "a@" + "a.".repeat(LENGTH / 2)),
                Arguments.of("your-your-…", "your-".repeat(LENGTH / 5)),
                Arguments.of("a here a here…", "a-here ".repeat(LENGTH / 7)),
                Arguments.of("password=.:.:…", "password=a1" + ".:".repeat(LENGTH / 2)),
                Arguments.of("password: p password: p…", "password: pw1 ".repeat(LENGTH / 14)),
                Arguments.of("://a://a…", "a://".repeat(LENGTH / 4)),
                Arguments.of("https://u:…@", "https://u:" + "p".repeat(LENGTH) + "@host"),
                Arguments.of("eyJeyJ…", "eyJ".repeat(LENGTH / 3) + ".eyJ" + "a".repeat(20)),
                Arguments.of("Bearer aaaa…", "Bearer " + "a1B2".repeat(LENGTH / 4)),
                Arguments.of("glpat-glpat-…", "glpat-".repeat(LENGTH / 6)),
                Arguments.of("host=;password=…", "host=a;" + "password=;".repeat(LENGTH / 10)),
                Arguments.of("-----BEGIN…", "-----BEGIN ".repeat(LENGTH / 11) + "PRIVATE KEY-----"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void longShapedValuesAreClassifiedWithoutAnError(String name, String value) {
        SecretScanner scanner = new SecretScanner();
        for (String key : KEYS) {
            ObjectNode values = JsonNodeFactory.instance.objectNode();
            values.put(key, value);
            values.putObject("secrets").put(key, value);
            values.putArray(key).add(value);
            assertDoesNotThrow(() -> scanner.scanValues(values), () -> name + " under " + key);
            assertDoesNotThrow(() -> scanner.classifyEnv("/env/0/value", key, value), () -> name + " under " + key);
        }
        assertDoesNotThrow(() -> ValueShapes.looksLikeCredential(value));
        assertDoesNotThrow(() -> ValueShapes.isKeyNameLike(value));
        assertDoesNotThrow(() -> ValueShapes.isObjectName(value));
        assertDoesNotThrow(() -> ValueShapes.isReference(value));
        assertDoesNotThrow(() -> ValueShapes.isPlaceholder(value));
    }

    @Test
    void aShapedValueOfSeveralMegabytesIsStillClassified() {
        String value = "A" + "_B".repeat(2 * 1024 * 1024);
        assertTrue(ValueShapes.isEnvStyleName(value));
        assertTrue(ValueShapes.isSeparatedOrCamelName("a" + "Bc".repeat(2 * 1024 * 1024)));
    }

    static Stream<Arguments> seeds() {
        return LongStream.range(1, 11).mapToObj(Arguments::of);
    }

    /** The patterns as they were before possessive quantifiers; fine on short text, so they serve as oracles. */
    private static final Pattern ENV_STYLE_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    private static final Pattern SEPARATED_LOWER_NAME = Pattern.compile("[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+");
    private static final Pattern CAMEL_NAME = Pattern.compile("[a-z]+(?:[A-Z][a-z]+)+");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern VERSION = Pattern.compile("v?\\d+(?:\\.\\d+)+(?:[-+][0-9A-Za-z.-]+)?");
    private static final Pattern TEMPLATE_EXPRESSION =
            Pattern.compile("\\$\\{[^}]*}|\\$\\([^)]*\\)|\\{\\{.*?}}|#\\{[^}]*}|%\\{[^}]*}", Pattern.DOTALL);

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theLinearFormsAcceptWhatTheOriginalPatternsAccepted(long seed) {
        Random rnd = new Random(seed);
        String alphabet = "aAbBzZ019_-.v+${}()#%@x ";
        for (int i = 0; i < 20_000; i++) {
            String s = FakeTokens.random(rnd, alphabet, 1 + rnd.nextInt(12));
            String m = s;
            assertEquals(ENV_STYLE_NAME.matcher(s).matches(), ValueShapes.isEnvStyleName(s), () -> "env: " + m);
            assertEquals(ENV_STYLE_NAME.matcher(s).matches() || SEPARATED_LOWER_NAME.matcher(s).matches()
                    || CAMEL_NAME.matcher(s).matches(), ValueShapes.isSeparatedOrCamelName(s), () -> "name: " + m);
            assertEquals(DNS_SUBDOMAIN.matcher(s).matches(), ValueShapes.isObjectName(s), () -> "dns: " + m);
            assertEquals(TEMPLATE_EXPRESSION.matcher(s).find(), ValueShapes.hasTemplateExpression(s),
                    () -> "template: " + m);
        }
        Pattern version = privatePattern("VERSION");
        for (int i = 0; i < 20_000; i++) {
            String s = FakeTokens.random(rnd, "v0123.-+aZ", 1 + rnd.nextInt(10));
            assertEquals(VERSION.matcher(s).matches(), version.matcher(s).matches(), s);
        }
    }

    private static Pattern privatePattern(String name) {
        try {
            var field = ValueShapes.class.getDeclaredField(name);
            field.setAccessible(true);
            return (Pattern) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void embeddedAssignmentsStillDropSentencePunctuation() {
        EmbeddedAssignments assignments = new EmbeddedAssignments();
        String text = "password: hunter2x.";
        assertTrue(assignments.find(text, text).isPresent());
        String prose = "the password: see...";
        assertFalse(assignments.find(prose, prose).isPresent());
    }
}
