package dev.mcpolicy.engine;

import dev.mcpolicy.finding.pipeline.FoldSuperseded;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleLoadException;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compiling checks: configurations are bound strictly, target kinds checked, plans carry effective values. */
class RuleCompilerTest {
    private static final String RULE = """
            id: custom
            title: t
            level: warning
            tags: [x]
            precision: high
            rationale: r
            help: h
            parameters:
              minSeconds: {type: integer, default: 3600, description: d}
            check:
              target: %s
              assert: {%s}
              message: "{object}"
            examples: [{name: e, expect: pass, manifests: ""}]
            """;

    private static RuleDefinition parse(String target, String assertion) throws RuleLoadException {
        return RuleCompiler.standard().ruleLoader().parse("custom.yaml", null, RULE.formatted(target, assertion));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
            "mcp-server-containers | 'image: {reject: [latest], tag: x}' | check.assert.image.tag: unknown option; image has path, reject",
            "mcp-server-containers | 'image: {reject: latest}' | check.assert.image.reject: must be a list",
            "hpas | 'hpa-scale-rate: {direction: scaleDown, maxPods: one, perSeconds: 60}' | check.assert.hpa-scale-rate.maxPods: must be a whole number",
            "hpas | 'hpa-scale-rate: {direction: scaleDown, maxPods: 1.5, perSeconds: 60}' | check.assert.hpa-scale-rate.maxPods: must be a whole number",
            "workloads | 'image: {reject: [latest]}' | check.assert.image: image needs target containers or mcp-server-containers, not workloads",
            "services | 'relation: {name: covered-by-pdb}' | check.assert.relation.name: covered-by-pdb needs target mcp-servers or workloads, not services",
            "services | 'relation: {name: no-such}' | check.assert.relation.name: unknown relation 'no-such'",
            "workloads | 'secrets: {scan: env}' | check.assert.secrets.scan: scan: env needs target containers or mcp-server-containers, not workloads",
            "ingress-routes | 'route-backends: {strict: true}' | check.assert.route-backends.strict: unknown option; route-backends takes no options",
            "workloads | 'command-text: {matches: \"(\"}' | check.assert.command-text.matches: not a valid regular expression"})
    void configurationProblemsNameTheField(String target, String assertion, String expected) {
        RuleLoadException error = assertThrows(RuleLoadException.class, () -> parse(target, assertion));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void plansCarryTheEffectiveParameterValues() throws Exception {
        RuleDefinition rule = parse("ingress-routes",
                "annotation: {key: nginx.ingress.kubernetes.io/proxy-read-timeout, as: seconds, min: '${minSeconds}'}");
        RuleSet overridden = new RuleSet(List.of(rule)).withOverrides(Map.of("custom.minSeconds", "7200"));
        CompiledCheck check = RuleCompiler.standard().compile(overridden.rules().get(0)).checks().get(0);
        var config = (dev.mcpolicy.engine.assertions.ValueAssertion.Config) check.assertion().config();
        assertEquals(7200, config.min().intValue());
        assertEquals("7200", check.parameterText().get("minSeconds"));
        assertEquals("ingress-routes", check.selector().name());
    }

    @Test
    void theBuiltInPackFoldsOnlyIntoRulesAndChecksItHas() throws Exception {
        RuleSet pack = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        assertEquals(List.of(), RuleCompiler.standard().validatePack(pack.rules()));
        int references = 0;
        for (RuleDefinition rule : pack.rules()) {
            for (String reference : rule.supersededBy().rules()) {
                FoldSuperseded.Source source = FoldSuperseded.Source.parse(reference);
                RuleDefinition superseding = pack.byId(source.ruleId()).orElseThrow(
                        () -> new AssertionError(rule.id() + " folds into " + reference + ", which the pack lacks"));
                assertTrue(source.checkId() == null
                                || RuleCompiler.checkIds(superseding.check()).contains(source.checkId()),
                        rule.id() + " folds into " + reference + ", a check " + source.ruleId() + " lacks");
                assertTrue(superseding.supersededBy().isEmpty(), reference + " is superseded itself");
                references++;
            }
        }
        assertTrue(references >= 2, "pdb-coverage and pdb-allows-eviction fold into replica-count");
    }

    @Test
    void aCompiledRuleCarriesItsSupersessionAndCheckIds() throws Exception {
        RuleSet pack = RuleCompiler.standard().ruleLoader().loadBuiltIn();
        CompiledRule coverage = RuleCompiler.standard().compile(pack.byId("pdb-coverage").orElseThrow());
        assertEquals(List.of(new FoldSuperseded.Source("replica-count", "too-few-replicas")),
                coverage.supersededBy().by());
        assertTrue(coverage.supersededBy().note().startsWith("No PodDisruptionBudget selects its pods"));
        CompiledRule replicas = RuleCompiler.standard().compile(pack.byId("replica-count").orElseThrow());
        assertEquals(null, replicas.supersededBy());
        assertEquals("too-few-replicas", replicas.checks().get(0).id());
    }

    @Test
    void twoChecksOfARuleCannotShareAnId() {
        String twoChecks = RULE.replace("""
                check:
                  target: %s
                  assert: {%s}
                  message: "{object}"
                """, """
                check:
                  - id: same
                    target: workloads
                    assert: {exists: {target: services}}
                    message: "{object}"
                  - id: same
                    target: workloads
                    assert: {exists: {target: services}}
                    message: "{object}"
                """);
        RuleLoadException error = assertThrows(RuleLoadException.class,
                () -> RuleCompiler.standard().ruleLoader().parse("custom.yaml", null, twoChecks));
        assertTrue(error.getMessage().contains("check.1.id: another check of the rule has the id same"),
                error.getMessage());
    }
}
