package dev.mcpolicy.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineHashTest {

    static Stream<Arguments> vectorsOfTheUploadAction() {
        return Stream.of(
                Arguments.of("empty text", "", List.of("c129715d7a2bc9a3:1")),
                Arguments.of("spaces and tabs", " a\nb\n  \t\tc\n d", List.of(
                        "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1")),
                Arguments.of("repeated lines", "Lorem ipsum dolor sit amet.\n".repeat(10), List.of(
                        "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3",
                        "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6",
                        "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1",
                        "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1")),
                Arguments.of("CR, CRLF and LF", "x\r\ny\rz\n", List.of(
                        "b9ca9c0a2452b1b0:1", "3c9a59cfc299b3ee:1", "95de0951c928fa27:1", "c129715d7a2bc9a3:1")),
                Arguments.of("non-ASCII and a surrogate pair", "héllo ✓ 🚀\nwörld\n", List.of(
                        "a484edff3cda6542:1", "6cdcd57a62f4b060:1", "c129715d7a2bc9a3:1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsOfTheUploadAction")
    void matchesEveryVectorOfTheUploadAction(String name, String text, List<String> expected) {
        assertEquals(expected, LineHash.of(text));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 4711, 20240601})
    void ignoresSpacesTabsAndLineEndingStyle(long seed) {
        Random random = new Random(seed);
        String text = randomText(random);
        String withWhitespace = sprinkleSpacesAndTabs(text, random);
        String withCrLf = text.replace("\n", "\r\n");
        String withCr = text.replace("\n", "\r");

        List<String> expected = LineHash.of(text);
        assertEquals(expected, LineHash.of(withWhitespace), "spaces and tabs must not matter");
        assertEquals(expected, LineHash.of(withCrLf), "CRLF must count as LF");
        assertEquals(expected, LineHash.of(withCr), "CR must count as LF");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 9, 1000})
    void givesOneFingerprintPerLineWithRunningCounts(long seed) {
        Random random = new Random(seed);
        String text = randomText(random);
        List<String> hashes = LineHash.of(text);

        assertEquals(text.split("\n", -1).length, hashes.size());
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (String fingerprint : hashes) {
            String value = fingerprint.substring(0, fingerprint.indexOf(':'));
            int expectedCount = seen.merge(value, 1, Integer::sum);
            assertEquals(value + ":" + expectedCount, fingerprint);
        }
    }

    @Test
    void aLineDependsOnlyOnTheNextHundredKeptUnits() {
        String head = "name: server\n";
        String tail = "x".repeat(120);
        List<String> first = LineHash.of(head + tail + "a");
        List<String> second = LineHash.of(head + tail + "b");
        assertEquals(first.get(0), second.get(0), "units beyond the window must not change line 1");
    }

    private static String randomText(Random random) {
        String[] pieces = {"apiVersion: v1", "kind: Service", "  name: mcp", "- a", "", "#", "ü", "🚀", "x: \"y\""};
        StringBuilder text = new StringBuilder();
        int lines = 1 + random.nextInt(60);
        for (int i = 0; i < lines; i++) {
            int parts = random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            if (i < lines - 1 || random.nextBoolean()) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String sprinkleSpacesAndTabs(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (random.nextInt(4) == 0) {
                out.append(random.nextBoolean() ? ' ' : '\t');
            }
            char c = text.charAt(i);
            out.append(c);
        }
        return out.toString();
    }
}
