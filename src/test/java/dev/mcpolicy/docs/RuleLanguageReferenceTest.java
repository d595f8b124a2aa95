package dev.mcpolicy.docs;

import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.RuleCompiler;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.Relation;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.rules.RuleLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference names every word of the rule language, and every example it shows compiles. */
class RuleLanguageReferenceTest {
    private static final MechanismRegistry REGISTRY = MechanismRegistry.standard();
    private static final String RULE = """
            id: example
            title: t
            level: warning
            tags: [x]
            precision: high
            rationale: r
            help: h
            parameters:
              minSeconds: {type: integer, default: 3600, description: d}
              minRemainingSeconds: {type: integer, default: 5, description: d}
            check:
            %s
              message: "{object}"
            examples: [{name: e, expect: pass, manifests: ""}]
            """;

    @Test
    void everyWordHasItsSection() {
        String page = RuleLanguageReference.markdown(REGISTRY);
        REGISTRY.selectors().forEach(s -> assertTrue(page.contains("### `" + s.name() + "`"), s.name()));
        REGISTRY.assertions().forEach(a -> assertTrue(page.contains("### `" + a.name() + "`"), a.name()));
        REGISTRY.relations().forEach(r -> assertTrue(page.contains("### `" + r.name() + "`"), r.name()));
        REGISTRY.assertions().forEach(a -> a.placeholders().keySet()
                .forEach(p -> assertTrue(page.contains("`{" + p + "}`"), a.name() + " {" + p + "}")));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleCompiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Selector selector : REGISTRY.selectors()) {
            tests.add(example("target " + selector.name(), selector.doc(), "assert: {value: {path: /kind, required: true}}"));
        }
        for (Assertion<?> assertion : REGISTRY.assertions()) {
            String target = REGISTRY.selectors().stream().filter(s -> assertion.accepts().contains(s.yields()))
                    .findFirst().orElseThrow().name();
            tests.add(example("assertion " + assertion.name(), assertion.doc(), "target: " + target));
        }
        for (Relation relation : REGISTRY.relations()) {
            tests.add(example("relation " + relation.name(), relation.doc(), ""));
        }
        return tests.stream();
    }

    /** The example as a check, completed with {@code missing} (a target or an assertion) when it shows only one. */
    private static DynamicTest example(String name, MechanismDoc doc, String missing) {
        return DynamicTest.dynamicTest(name, () -> {
            assertFalse(doc.description().isBlank(), name + " has no description");
            String check = doc.example().strip();
            boolean hasTarget = check.lines().anyMatch(l -> l.startsWith("target:"));
            boolean hasAssert = check.lines().anyMatch(l -> l.startsWith("assert:"));
            String completed = (hasTarget && hasAssert ? check : hasTarget ? check + "\n" + missing
                    : missing + "\n" + check);
            String rule = RULE.formatted(completed.indent(2).stripTrailing());
            RuleLoader loader = RuleCompiler.standard().ruleLoader();
            assertDoesNotThrow(() -> loader.parse("example.yaml", null, rule), rule);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyFilterHasAnExampleThatCompiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Selector selector : REGISTRY.selectors()) {
            selector.filters().forEach((name, filter) -> tests.add(DynamicTest.dynamicTest(
                    selector.name() + " where " + name, () -> {
                        String where = filter.exampleWhere(name).orElseThrow(
                                () -> new AssertionError(selector.name() + "." + name + " has no example"));
                        String check = "target: " + selector.name() + "\n" + where
                                + "\nassert: {value: {path: /kind, required: true}}";
                        String rule = RULE.formatted(check.indent(2).stripTrailing());
                        assertDoesNotThrow(() -> RuleCompiler.standard().ruleLoader().parse("example.yaml", null, rule),
                                rule);
                    })));
        }
        return tests.stream();
    }

    /** The rule file the reference shows loads and its example holds, as 'mcpolicy rules test' would run it. */
    @Test
    void theRuleFileExampleLoadsAndItsExampleHolds() throws Exception {
        String page = RuleLanguageReference.markdown(REGISTRY);
        String section = page.substring(page.indexOf("## A rule file"));
        int start = section.indexOf("```yaml\n") + "```yaml\n".length();
        String file = section.substring(start, section.indexOf("```", start));
        dev.mcpolicy.rules.RuleDefinition rule = RuleCompiler.standard().ruleLoader()
                .parse("team-label.yaml", "team-label", file);
        for (dev.mcpolicy.rules.RuleDefinition.RuleExample example : rule.examples()) {
            assertTrue(new dev.mcpolicy.engine.RuleExamples().run(rule, example).passed(), example.name());
        }
    }

    /** A placeholder is shown in a message of a built-in rule whose check uses that mechanism. */
    @Test
    void placeholdersAreShownInUseByTheRulesOfThePack() throws Exception {
        String page = RuleLanguageReference.markdown(REGISTRY, RuleCompiler.standard().ruleLoader().loadBuiltIn());
        String coverage = page.substring(page.indexOf("### `covered-by-pdb`"));
        String row = coverage.lines().filter(line -> line.startsWith("| `{podLabels}` |")).findFirst().orElseThrow();
        assertTrue(row.matches("\\| `\\{podLabels}` \\| .* \\| `pdb-coverage`: .*\\{podLabels}.* \\|"), row);
    }
}
