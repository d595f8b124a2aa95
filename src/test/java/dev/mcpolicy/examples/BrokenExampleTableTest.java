package dev.mcpolicy.examples;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** examples/broken/EXPECTED.md stays true to the files it describes. */
class BrokenExampleTableTest {
    private static final String EXPECTED_MD = "examples/broken/EXPECTED.md";
    private static final List<String> RULES_OF_THE_CARD = List.of(
            "sse-proxy-buffering", "sse-read-timeout", "sse-send-timeout", "termination-grace-period",
            "hpa-scale-down-stabilization", "pdb-coverage", "values-no-secrets");

    /** A table row whose last two cells are `file:line` and `line text`. */
    private static final Pattern ROW = Pattern.compile(
            "^\\| (?<id>\\w+) \\| (?<what>.+) \\| `(?<file>[\\w./-]+):(?<line>\\d+)` \\| `(?<text>[^`]+)` \\|$");
    private static final Pattern RULE_CELL = Pattern.compile("^(?<what>.+) \\| `(?<rule>[a-z-]+)`$");
    private static final Pattern COUNT = Pattern.compile("`([a-z-]+)` (\\d+)");

    record Row(String id, String what, String file, int line, String text) {
        String rule() {
            Matcher matcher = RULE_CELL.matcher(what);
            return matcher.matches() ? matcher.group("rule") : null;
        }
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : ExampleFiles.lines(EXPECTED_MD)) {
            Matcher matcher = ROW.matcher(line);
            if (matcher.matches()) {
                rows.add(new Row(matcher.group("id"), matcher.group("what"), matcher.group("file"),
                        Integer.parseInt(matcher.group("line")), matcher.group("text")));
            }
        }
        return rows;
    }

    @TestFactory
    List<DynamicTest> everyRowPointsAtTheLineItQuotes() {
        List<Row> rows = rows();
        assertFalse(rows.isEmpty(), "no table rows found in " + EXPECTED_MD);
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.id() + ": " + row.file() + ":" + row.line(), () -> {
            List<String> lines = ExampleFiles.lines("examples/broken/" + row.file());
            assertTrue(row.line() <= lines.size(), row.file() + " has only " + lines.size() + " lines");
            String actual = lines.get(row.line() - 1);
            assertTrue(actual.contains(row.text()),
                    row.file() + ":" + row.line() + " is \"" + actual.strip() + "\", expected it to contain \"" + row.text() + "\"");
        })).toList();
    }

    @Test
    void plantedProblemsTripEveryRuleOfTheCardAndNothingElse() {
        Map<String, Integer> counts = plantedCountsByRule();
        assertEquals(new java.util.TreeSet<>(RULES_OF_THE_CARD), counts.keySet());
    }

    @Test
    void statedCountsMatchTheTable() {
        String statement = ExampleFiles.lines(EXPECTED_MD).stream()
                .dropWhile(line -> !line.startsWith("Expected counts:"))
                .takeWhile(line -> !line.isBlank())
                .reduce("", (a, b) -> a + " " + b);
        Map<String, Integer> stated = new TreeMap<>();
        Matcher matcher = COUNT.matcher(statement);
        while (matcher.find()) {
            stated.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        assertEquals(plantedCountsByRule(), stated);
    }

    private static Map<String, Integer> plantedCountsByRule() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Row row : rows()) {
            if (row.id().matches("\\d+")) {
                String rule = row.rule();
                assertTrue(rule != null, "row " + row.id() + " names no rule id");
                counts.merge(rule, 1, Integer::sum);
            }
        }
        return counts;
    }
}
