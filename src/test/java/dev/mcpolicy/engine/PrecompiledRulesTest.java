package dev.mcpolicy.engine;

import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A rule is taken from the precompiled pack only when its definition is the one compiled there. */
class PrecompiledRulesTest {
    private static final String RULE = "sse-read-timeout";

    @Test
    void theDefaultPackIsCompiledOnceAndShared() throws Exception {
        RuleCompiler compiler = RuleCompiler.standard();
        RuleDefinition rule = rule(compiler.ruleLoader().loadBuiltIn());
        assertSame(compiler.compile(rule), RuleCompiler.standard().compile(rule));
        assertNotSame(compiler.compile(rule), compiler.compileHere(rule), "compileHere never takes the shared rule");
    }

    @Test
    void aRuleWithOtherParametersIsCompiledForTheRun() throws Exception {
        RuleCompiler compiler = RuleCompiler.standard();
        RuleSet pack = compiler.ruleLoader().loadBuiltIn();
        RuleDefinition changed = rule(pack.withOverrides(Map.of(RULE + ".minSeconds", "7200")));
        CompiledRule compiled = compiler.compile(changed);
        assertNotSame(compiler.compile(rule(pack)), compiled);
        assertEquals(compiler.compileHere(changed).toString(), compiled.toString());
    }

    @Test
    void aCompilerOfOtherMechanismsNeverTakesTheSharedRules() throws Exception {
        RuleCompiler custom = new RuleCompiler(MechanismRegistry.standard());
        RuleDefinition rule = rule(custom.ruleLoader().loadBuiltIn());
        assertNotSame(RuleCompiler.standard().compile(rule), custom.compile(rule));
    }

    private static RuleDefinition rule(RuleSet rules) {
        return rules.rules().stream().filter(r -> r.id().equals(RULE)).findFirst().orElseThrow();
    }
}
