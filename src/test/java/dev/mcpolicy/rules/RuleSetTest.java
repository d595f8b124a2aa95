package dev.mcpolicy.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpolicy.finding.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleSetTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static RuleDefinition rule(String id, RuleDefinition.Parameter... parameters) {
        return new RuleDefinition(id, RuleLoader.pascalCase(id), "t", Level.ERROR, List.of(), "high", null, "r", "h",
                List.of(parameters), NODES.objectNode(), List.of(), "rules/" + id + ".yaml");
    }

    private static final RuleSet RULES = new RuleSet(List.of(
            rule("b-rule", new RuleDefinition.Parameter("minSeconds", "integer", NODES.numberNode(60), "d"),
                    new RuleDefinition.Parameter("window", "duration", NODES.numberNode(300), "d"),
                    new RuleDefinition.Parameter("strict", "boolean", NODES.booleanNode(false), "d"),
                    new RuleDefinition.Parameter("classes", "list", NODES.arrayNode().add("nginx"), "d")),
            rule("a-rule")));

    @Test
    void rulesAreOrderedById() {
        assertEquals(List.of("a-rule", "b-rule"), RULES.rules().stream().map(RuleDefinition::id).toList());
        assertTrue(RULES.byId("b-rule").isPresent());
        assertTrue(RULES.byId("c-rule").isEmpty());
    }

    @Test
    void duplicateIdsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleSet(List.of(rule("a-rule"), rule("a-rule"))));
        assertTrue(e.getMessage().contains("defined twice"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "b-rule.minSeconds | 120      | 120",
            "b-rule.window     | 1h       | 3600",
            "b-rule.window     | 90s      | 90",
            "b-rule.window     | 45       | 45",
            "b-rule.strict     | TRUE     | true",
            "b-rule.classes    | 'a, b'   | [\"a\",\"b\"]"})
    void overridesAreParsedWithTheParameterType(String key, String value, String expectedJson) {
        RuleSet updated = RULES.withOverrides(Map.of(key, value));
        String name = key.substring(key.indexOf('.') + 1);
        RuleDefinition.Parameter parameter = updated.byId("b-rule").orElseThrow().parameters().stream()
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        assertEquals(expectedJson, parameter.defaultValue().toString());
        assertEquals(60, RULES.byId("b-rule").orElseThrow().parameters().get(0).defaultValue().intValue(),
                "the original set is unchanged");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "b-rule.minSeconds | soon | parameter override 'b-rule.minSeconds': 'soon' is not a whole number",
            "b-rule.window     | 1d   | parameter override 'b-rule.window': '1d' is not a duration",
            "b-rule.strict     | yes  | parameter override 'b-rule.strict': 'yes' is not true or false",
            "c-rule.minSeconds | 1    | parameter override 'c-rule.minSeconds': no rule c-rule",
            "b-rule.maxSeconds | 1    | parameter override 'b-rule.maxSeconds': rule b-rule has no parameter maxSeconds (it has minSeconds, window, strict, classes)",
            "a-rule.x          | 1    | parameter override 'a-rule.x': rule a-rule has no parameter x (it has none)",
            "minSeconds        | 1    | parameter override 'minSeconds' must look like rule-id.parameter=value"})
    void badOverridesSayWhatIsWrong(String key, String value, String expectedMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RULES.withOverrides(Map.of(key, value)));
        assertTrue(e.getMessage().startsWith(expectedMessage), e.getMessage());
    }
}
