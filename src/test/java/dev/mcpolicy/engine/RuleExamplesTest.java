package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.ChartContext;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every example of every built-in rule through the real loader, graph and engine. */
class RuleExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyExampleOfEveryRule() throws Exception {
        RuleSet pack = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        assertFalse(pack.rules().isEmpty(), "the built-in pack is empty");
        List<DynamicTest> tests = new ArrayList<>();
        for (RuleDefinition rule : pack.rules()) {
            for (RuleDefinition.RuleExample example : rule.examples()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + ": " + example.name(), () -> check(rule, example)));
            }
        }
        return tests.stream();
    }

    /**
     * Runs one example the way a check would (its parameter overrides applied as --set-param would) and holds it to
     * what it states: no finding when it passes; when it fails, exactly {@code count} findings of this rule, on
     * {@code lines} when given, with each of {@code messages} in some message.
     */
    static void check(RuleDefinition rule, RuleDefinition.RuleExample example) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        example.parameters().forEach((name, value) -> overrides.put(rule.id() + "." + name, value));
        Engine engine = new Engine(new RuleSet(List.of(rule)).withOverrides(overrides));
        List<ManifestDocument> manifests = load("rules/" + rule.id() + ".yaml#manifests", example.manifests());
        List<ManifestDocument> values = example.values() == null ? List.of()
                : load("rules/" + rule.id() + ".yaml#values", example.values());
        List<Finding> found = new ArrayList<>(engine.run(ResourceGraph.build(manifests, "default"), values));
        if (example.chart() != null) {
            found.addAll(engine.runChart(chart(rule.id(), example.chart())));
        }
        List<Finding> findings = EngineTest.ordered(found);
        assertNoSecretValueShown(findings, manifests, values);
        if (example.passing()) {
            assertEquals(List.of(), messages(findings), "a passing example produced findings");
            return;
        }
        RuleDefinition.Expected expected = example.expected();
        assertEquals(expected.count(), findings.size(), () -> "findings: " + messages(findings));
        findings.forEach(f -> assertEquals(rule.id(), f.ruleId()));
        findings.forEach(f -> assertTrue(f.message().startsWith(expectedStart(f)),
                "message must start with the object: " + f.message()));
        if (!expected.lines().isEmpty()) {
            assertEquals(expected.lines(), findings.stream().map(f -> f.primary().line()).toList(),
                    () -> "lines of " + messages(findings));
        }
        for (String fragment : expected.messages()) {
            assertTrue(findings.stream().anyMatch(f -> f.message().contains(fragment)),
                    () -> "no message says '" + fragment + "': " + messages(findings));
        }
    }

    private static String expectedStart(Finding finding) {
        if (finding.object() != null) {
            return finding.object().display();
        }
        return finding.primary().file().endsWith("Chart.yaml") ? "Chart " : "values key";
    }

    /**
     * Writes the example chart to a temporary folder (Chart.yaml plus empty root entries) and loads it the way chart
     * mode does, so positions and the root listing are real.
     */
    static ChartContext chart(String ruleId, RuleDefinition.ExampleChart example) throws IOException {
        return ExampleCharts.write(example.chartYaml(), example.files(), "rules/" + ruleId + ".yaml#chart/Chart.yaml");
    }

    /** A secret finding's message and properties never contain the secret value itself. */
    private static void assertNoSecretValueShown(List<Finding> findings, List<ManifestDocument> manifests,
                                                 List<ManifestDocument> values) {
        for (Finding finding : findings) {
            if (!finding.properties().containsKey("secretKind")) {
                continue;
            }
            List<ManifestDocument> documents = finding.object() == null ? values : manifests;
            for (ManifestDocument document : documents) {
                JsonNode value = document.content().at(finding.pointer());
                if (value.isValueNode() && value.asText().length() >= 4) {
                    assertFalse(finding.message().contains(value.asText()), "the message shows the secret");
                    assertFalse(finding.properties().toString().contains(value.asText()), "a property shows the secret");
                }
            }
        }
    }

    /** Loads example YAML with the real loader; an example that does not load cleanly is a broken example. */
    static List<ManifestDocument> load(String displayPath, String text) {
        LoadResult loaded = new ManifestLoader().loadText(displayPath, text);
        List<String> errors = loaded.problems().stream()
                .filter(p -> p.severity() == InputProblem.Severity.ERROR).map(InputProblem::oneLine).toList();
        assertEquals(List.of(), errors, "example YAML does not load");
        return loaded.documents();
    }

    private static List<String> messages(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.primary().shortText() + " " + f.message()).toList();
    }
}
