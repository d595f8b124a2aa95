package dev.mcpolicy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.finding.RunResult;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole checks of the broken example with hostile values planted in it: YAML's non-numbers ({@code .inf},
 * {@code -.inf}, {@code .nan}) where integers belong, and 64 KB values shaped to make regular expressions recurse
 * or rescan in every string field. The run must finish, report each bad number at its line and check the rest.
 */
class HostileValuesTest {
    private static final Path BROKEN = Path.of("examples/broken/rendered.yaml");
    private static final Pattern INTEGER_VALUE = Pattern.compile("(?m)^(\\s*(?:- )?[\\w./-]+: |\\s*- )(\\d+)$");
    /** Twice the length that overflowed the stack; with every string field planted the render is already ~10 MB. */
    private static final int LENGTH = 16 * 1024;

    private static String broken() throws IOException {
        return Files.readString(BROKEN, StandardCharsets.UTF_8);
    }

    private static RunResult check(String render) {
        CheckRequest request = new CheckRequest(List.of("-"), List.of(), "default", null, Map.of(),
                CheckRequest.ChartOptions.none(), null, Path.of("").toAbsolutePath(), Map.of(), Level.ERROR);
        return new Checker(new ManifestLoader(), new ByteArrayInputStream(render.getBytes(StandardCharsets.UTF_8)))
                .run(request).result();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".inf", "-.inf", ".nan", "+.Inf", ".NaN"})
    void aNonNumberInTheGracePeriodIsReportedAtItsLineAndTheRestIsChecked(String spelling) throws IOException {
        String render = broken();
        Matcher grace = Pattern.compile("(?m)^(\\s*terminationGracePeriodSeconds: )(\\d+)$").matcher(render);
        assertTrue(grace.find(), "the example sets a grace period");
        int line = lineOf(render, grace.start(2));
        String planted = render.substring(0, grace.start(2)) + spelling + render.substring(grace.end(2));

        RunResult result = check(planted);
        List<InputProblem> errors = errors(result);
        assertEquals(1, errors.size(), () -> "problems: " + result.problems());
        assertEquals(line, errors.get(0).line());
        assertTrue(errors.get(0).message().contains(spelling), errors.get(0).message());
        int before = check(render).findings().size();
        assertTrue(result.findings().size() >= before - 1, "the other documents are still checked");
        assertFalse(result.findings().stream().anyMatch(f -> f.message().contains("Infinity")
                || f.message().contains("NaN")), "no finding quotes Java's spelling of the value");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".inf", "-.inf", ".nan"})
    void everyIntegerOfTheExampleAsANonNumberAtOnce(String spelling) throws IOException {
        String render = broken();
        int count = (int) INTEGER_VALUE.matcher(render).results().count();
        RunResult result = check(INTEGER_VALUE.matcher(render).replaceAll("$1" + Matcher.quoteReplacement(spelling)));
        assertEquals(count, errors(result).size(), () -> "one problem per planted value: " + result.problems());
    }

    @Test
    void seededSingleNonNumbersAnywhere() throws IOException {
        String render = broken();
        List<MatchResultRange> integers = INTEGER_VALUE.matcher(render).results()
                .map(m -> new MatchResultRange(m.start(2), m.end(2))).toList();
        Random random = new Random(7);
        String[] spellings = {".inf", "-.inf", ".nan"};
        for (int i = 0; i < 12; i++) {
            MatchResultRange at = integers.get(random.nextInt(integers.size()));
            String spelling = spellings[random.nextInt(spellings.length)];
            RunResult result = check(render.substring(0, at.start()) + spelling + render.substring(at.end()));
            List<InputProblem> errors = errors(result);
            assertEquals(1, errors.size(), () -> spelling + " at line " + lineOf(render, at.start()));
            assertEquals(lineOf(render, at.start()), errors.get(0).line());
        }
    }

    private record MatchResultRange(int start, int end) {
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("A_B_B…", "A" + "_B".repeat(LENGTH / 2)),
                Arguments.of("a.b.b…", "a" + ".b".repeat(LENGTH / 2)),
                Arguments.of("aBcBc…", "a" + "Bc".repeat(LENGTH / 2)),
                Arguments.of("1s1s…", "1s".repeat(LENGTH / 2)),
                Arguments.of("sleep 1 1…", "sleep" + " 1".repeat(LENGTH / 2)),
                Arguments.of("${${…", "${".repeat(LENGTH / 2)),
                Arguments.of("a=b,a=b…", "a=b,".repeat(LENGTH / 4)),
                Arguments.of("https://u:p@…", "https://u:" + "p".repeat(LENGTH) + "@registry/mcp:1"));
    }

    /** Every string value of every document (kind and apiVersion kept) replaced by one long shaped value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void longShapedValuesInEveryStringFieldAreChecked(String name, String shape) throws IOException {
        LoadResult loaded = new ManifestLoader().loadText("broken.yaml", broken());
        YAMLMapper yaml = new YAMLMapper();
        StringBuilder render = new StringBuilder();
        for (ManifestDocument document : loaded.documents()) {
            JsonNode content = document.content().deepCopy();
            replaceStrings(content, shape);
            render.append("---\n").append(yaml.writeValueAsString(content).replaceFirst("^---\\s*\n", ""));
        }
        RunResult result = check(render.toString());
        assertTrue(result.problems().stream().noneMatch(p -> p.message().contains("internal error")),
                () -> "problems: " + result.problems());
        String longQuote = shape.substring(0, 201);
        for (var finding : result.findings()) {
            assertFalse(finding.message().contains(longQuote), () -> "a quoted value is shortened: "
                    + finding.message().substring(0, 300));
        }
    }

    private static void replaceStrings(JsonNode node, String shape) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String field : names) {
                JsonNode child = object.get(field);
                if (child.isTextual() && !field.equals("kind") && !field.equals("apiVersion")) {
                    object.set(field, TextNode.valueOf(shape));
                } else {
                    replaceStrings(child, shape);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(shape));
                } else {
                    replaceStrings(array.get(i), shape);
                }
            }
        }
    }

    private static List<InputProblem> errors(RunResult result) {
        return result.problems().stream().filter(p -> p.severity() == InputProblem.Severity.ERROR).toList();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
