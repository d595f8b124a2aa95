package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpolicy.engine.assertions.CommandTextAssertion;
import dev.mcpolicy.engine.assertions.ReplicaCountAssertion;
import dev.mcpolicy.engine.assertions.ValueAssertion;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigProblems;
import dev.mcpolicy.rules.RuleDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectConfigBinderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fast path must cover the whole built-in pack (else start-up builds Jackson again) and agree with Jackson. */
    @Test
    void everyBuiltInConfigBindsDirectlyAndEqualsJacksonsBinding() throws Exception {
        MechanismRegistry registry = MechanismRegistry.standard();
        int configs = 0;
        for (RuleDefinition rule : RuleCompiler.standard().ruleLoader().loadBuiltInYaml().rules()) {
            Map<String, JsonNode> defaults = new LinkedHashMap<>();
            rule.parameters().forEach(parameter -> defaults.put(parameter.name(), parameter.defaultValue()));
            for (JsonNode check : RuleCompiler.checks(rule.check())) {
                String name = check.path("assert").fieldNames().next();
                Assertion<?> assertion = registry.assertion(name).orElseThrow();
                JsonNode config = ParameterSubstitution.apply(check.path("assert").path(name), defaults);
                Optional<?> direct = DirectConfigBinder.tryBind(config, assertion.configType());
                assertTrue(direct.isPresent(), () -> rule.id() + ": " + name + " " + config + " needs Jackson");
                ConfigProblems problems = new ConfigProblems();
                Object jackson = ConfigBinder.bindWithJackson(name, config, assertion.configType(), problems)
                        .orElseThrow(() -> new AssertionError(rule.id() + ": " + problems.all()));
                assertSameState(jackson, direct.get(), rule.id() + " " + name);
                configs++;
            }
        }
        assertTrue(configs > 46, "every rule has at least one check; bound " + configs);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"path\": \"/spec/x\", \"surprise\": 1}",   // unknown option: Jackson names the known ones
            "{\"path\": 5}",                              // a number where text goes
            "{\"path\": null}",                           // null
            "{\"min\": null}",                            // null for a JSON option
            "{\"min\": 123456789012345678901234567890}",   // a big integer, which Jackson reads its own way
            "{\"ignoreCase\": \"yes\"}",                  // text where a boolean goes
            "{\"oneOf\": \"a\"}",                         // a scalar where a list goes
            "[]"                                          // not a mapping
    })
    void leavesToJacksonWhatNeedsJudgement(String config) throws Exception {
        assertEquals(Optional.empty(), DirectConfigBinder.tryBind(JSON.readTree(config), ValueAssertion.Config.class));
    }

    @Test
    void aConstructorThatRefusesItsValuesIsLeftToJacksonForTheMessage() throws Exception {
        JsonNode badRegex = JSON.readTree("{\"matches\": \"(\"}");
        assertEquals(Optional.empty(), DirectConfigBinder.tryBind(badRegex, CommandTextAssertion.Config.class));
        ConfigProblems problems = new ConfigProblems();
        ConfigBinder.bind("command-text", badRegex, CommandTextAssertion.Config.class, problems);
        assertEquals("matches", problems.all().get(0).field());
    }

    @Test
    void readsRenamedOptionsNestedConfigsAndLists() throws Exception {
        JsonNode config = JSON.readTree("{\"path\": \"/spec/minAvailable\", \"default\": 1, \"min\": 1,"
                + " \"when\": {\"path\": \"/spec/x\", \"oneOf\": [\"a\", 2], \"default\": \"a\"}}");
        ReplicaCountAssertion.Config bound = DirectConfigBinder.tryBind(config, ReplicaCountAssertion.Config.class)
                .orElseThrow();
        assertEquals(JSON.readTree("1"), bound.defaultValue());
        assertEquals(JSON.readTree("\"a\""), bound.when().defaultValue());
        assertEquals(2, bound.when().oneOf().size());
        assertEquals(null, bound.max());
        assertEquals(bound, ConfigBinder.bindWithJackson("replica-count", config, ReplicaCountAssertion.Config.class,
                new ConfigProblems()).orElseThrow());
    }

    @Test
    void aMissingConfigIsAnEmptyOne() {
        Optional<ValueAssertion.Config> bound = DirectConfigBinder.tryBind(
                com.fasterxml.jackson.databind.node.MissingNode.getInstance(), ValueAssertion.Config.class);
        assertEquals(ConfigBinder.bindWithJackson("value", com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                ValueAssertion.Config.class, new ConfigProblems()), bound);
    }

    /** Records compare with equals; the classes that compile their options compare field by field. */
    private static void assertSameState(Object expected, Object actual, String what) throws IllegalAccessException {
        assertEquals(expected.getClass(), actual.getClass(), what);
        if (expected.getClass().isRecord()) {
            assertEquals(expected, actual, what);
            return;
        }
        for (Field field : expected.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object left = field.get(expected);
            Object right = field.get(actual);
            if (left instanceof Pattern pattern) {
                assertEquals(pattern.pattern(), ((Pattern) right).pattern(), what + " " + field.getName());
            } else if (left != null && left.getClass().getName().startsWith("com.networknt")) {
                assertEquals(left.toString(), right.toString(), what + " " + field.getName());
            } else {
                assertEquals(left, right, what + " " + field.getName());
            }
        }
    }
}
