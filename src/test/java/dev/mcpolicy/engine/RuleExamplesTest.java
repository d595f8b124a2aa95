package dev.mcpolicy.engine;

import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.LoadResult;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.ManifestLoader;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

    /** Runs one example with the runner {@code mcpolicy rules test} uses, and fails with its reasons. */
    static void check(RuleDefinition rule, RuleDefinition.RuleExample example) {
        RuleExamples.Outcome outcome = new RuleExamples().run(rule, example);
        assertEquals(List.of(), outcome.failures(), () -> rule.id() + ": " + example.name());
    }

    /** Loads example YAML with the real loader; an example that does not load cleanly is a broken example. */
    static List<ManifestDocument> load(String displayPath, String text) {
        LoadResult loaded = new ManifestLoader().loadText(displayPath, text);
        List<String> errors = loaded.problems().stream()
                .filter(p -> p.severity() == InputProblem.Severity.ERROR).map(InputProblem::oneLine).toList();
        assertEquals(List.of(), errors, "example YAML does not load");
        return loaded.documents();
    }
}
