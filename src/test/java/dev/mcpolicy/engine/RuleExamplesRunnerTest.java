package dev.mcpolicy.engine;

import dev.mcpolicy.rules.RuleDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example runner says why an example does not hold: what it expected, and what the rule found where. */
class RuleExamplesRunnerTest {
    private static final String RULE = """
            id: team-label
            title: Workloads carry a team label
            level: warning
            tags: [acme]
            precision: high
            rationale: Owners are found by the label.
            help: Add metadata.labels.team.
            check:
              target: workloads
              assert:
                value: {path: /metadata/labels/team, required: true}
              message: "{object} has no team label. Add metadata.labels.team."
            examples:
            """;

    private static List<RuleExamples.Outcome> outcomes(String examples) throws Exception {
        RuleDefinition rule = RuleCompiler.standard().ruleLoader()
                .parse("policies/team-label.yaml", "team-label", RULE + examples);
        RuleExamples runner = new RuleExamples();
        return rule.examples().stream().map(example -> runner.run(rule, example)).toList();
    }

    @Test
    void anExampleThatHoldsPasses() throws Exception {
        List<RuleExamples.Outcome> outcomes = outcomes("""
                  - {name: no label, expect: fail, count: 1, lines: [3], messages: [no team label], fixture: mcp-server}
                """);
        assertEquals(List.of(), outcomes.get(0).failures());
        assertTrue(outcomes.get(0).passed());
        assertEquals(1, outcomes.get(0).findings().size());
    }

    @Test
    void aPassingExampleWithFindingsSaysWhereTheyAre() throws Exception {
        List<RuleExamples.Outcome> outcomes = outcomes("""
                  - {name: said to pass, expect: pass, fixture: mcp-server}
                """);
        assertEquals(List.of("expected no finding, got 1: line 3 /metadata/labels/team"), outcomes.get(0).failures());
    }

    @Test
    void aFailingExampleSaysWhichCountLinesAndMessagesItMissed() throws Exception {
        List<RuleExamples.Outcome> outcomes = outcomes("""
                  - {name: wrong count, expect: fail, count: 2, lines: [3, 9], fixture: mcp-server}
                  - {name: wrong line, expect: fail, count: 1, lines: [4], fixture: mcp-server}
                  - {name: wrong words, expect: fail, count: 1, messages: [owner annotation], fixture: mcp-server}
                """);
        assertEquals(List.of("expected 2 findings on lines 3, 9, got 1: line 3 /metadata/labels/team"), outcomes.get(0).failures());
        assertEquals(List.of("expected 1 finding on line 4, got them on line 3: line 3 /metadata/labels/team"),
                outcomes.get(1).failures());
        assertEquals(List.of("no message says 'owner annotation'; messages: Deployment/mcp has no team label. Add"
                + " metadata.labels.team."), outcomes.get(2).failures());
    }

    @Test
    void exampleYamlThatDoesNotLoadFailsTheExample() throws Exception {
        List<RuleExamples.Outcome> outcomes = outcomes("""
                  - {name: broken yaml, expect: pass, manifests: "kind: [Deployment"}
                """);
        assertEquals(1, outcomes.get(0).failures().size());
        assertTrue(outcomes.get(0).failures().get(0).startsWith("the example's YAML does not load: "
                + "policies/team-label.yaml#manifests:1:"), outcomes.get(0).failures().get(0));
    }
}
