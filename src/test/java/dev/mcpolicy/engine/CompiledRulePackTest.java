package dev.mcpolicy.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.finding.Finding;
import dev.mcpolicy.finding.Level;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.rules.CompiledRulePack;
import dev.mcpolicy.rules.RuleDefinition;
import dev.mcpolicy.rules.RuleSet;
import dev.mcpolicy.rules.Supersession;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule pack the build compiled ({@code rules.pack}) is the YAML pack: the same rule definitions, node types of
 * the checks included, and so the same findings on every rule example and on the bundled examples.
 */
class CompiledRulePackTest {
    private final RuleCompiler compiler = RuleCompiler.standard();

    @Test
    void theBuildPutTheCompiledPackOnTheClassPathAndRunsReadIt() throws Exception {
        assertTrue(CompiledRulePack.builtIn().isPresent(), "process-classes writes " + CompiledRulePack.RESOURCE);
        assertEquals(CompiledRulePack.builtIn().orElseThrow(), compiler.ruleLoader().loadBuiltIn().rules());
    }

    @Test
    void theCompiledPackEqualsTheYamlPack() throws Exception {
        List<RuleDefinition> yaml = compiler.ruleLoader().loadBuiltInYaml().rules();
        List<RuleDefinition> compiled = CompiledRulePack.builtIn().orElseThrow();
        assertEquals(yaml.stream().map(RuleDefinition::id).toList(), compiled.stream().map(RuleDefinition::id).toList());
        for (int i = 0; i < yaml.size(); i++) {
            assertEquals(yaml.get(i), compiled.get(i), yaml.get(i).id());
            assertEquals(nodeTypes(yaml.get(i).check()), nodeTypes(compiled.get(i).check()), yaml.get(i).id());
        }
    }

    @Test
    void bothPacksFindTheSameOnEveryRuleExampleAndTheBundledExamples() throws Exception {
        Engine fromYaml = new Engine(compiler.ruleLoader().loadBuiltInYaml());
        Engine fromPack = new Engine(new RuleSet(CompiledRulePack.builtIn().orElseThrow()));
        int compared = 0;
        RuleExamples runner = new RuleExamples();
        List<RuleExamples.Outcome> yamlOutcomes = runner.runAll(compiler.ruleLoader().loadBuiltInYaml());
        List<RuleExamples.Outcome> packOutcomes = runner.runAll(new RuleSet(CompiledRulePack.builtIn().orElseThrow()));
        assertEquals(yamlOutcomes.size(), packOutcomes.size());
        for (int i = 0; i < yamlOutcomes.size(); i++) {
            RuleExamples.Outcome yaml = yamlOutcomes.get(i);
            String where = "rules/" + yaml.rule().id() + ".yaml#" + yaml.example().name();
            assertEquals(messages(yaml.findings()), messages(packOutcomes.get(i).findings()), where);
            assertEquals(yaml.failures(), packOutcomes.get(i).failures(), where);
            compared++;
        }
        for (String file : List.of("examples/broken/rendered.yaml", "examples/rendered/production.yaml")) {
            ResourceGraph graph = ResourceGraph.build(RuleExamplesTest.load(file, Files.readString(Path.of(file))), "mcp");
            List<String> found = messages(fromPack.run(graph, List.of()));
            assertEquals(messages(fromYaml.run(graph, List.of())), found, file);
            compared++;
        }
        assertTrue(compared > 200, "examples compared: " + compared);
    }

    @Test
    void everyJsonNodeTypeSurvivesTheRoundTrip() throws Exception {
        Random random = new Random(12);
        for (int round = 0; round < 50; round++) {
            JsonNode check = randomNode(random, 0);
            RuleDefinition rule = rule(check, random.nextBoolean()
                    ? new Supersession(List.of("a-rule", "b-rule/check"), random.nextBoolean() ? "note" : null)
                    : Supersession.NONE);
            List<RuleDefinition> back = roundTrip(List.of(rule));
            assertEquals(List.of(rule), back);
            assertEquals(nodeTypes(check), nodeTypes(back.get(0).check()));
        }
    }

    @Test
    void aFileThatIsNoPackIsRefused() {
        assertThrows(IOException.class, () -> CompiledRulePack.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5,
                6, 7, 8})));
    }

    private static List<RuleDefinition> roundTrip(List<RuleDefinition> rules) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledRulePack.write(rules, out);
        return CompiledRulePack.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static RuleDefinition rule(JsonNode check, Supersession supersession) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        var example = new RuleDefinition.RuleExample("fails", false, "kind: Pod\n", "ünïcode: ✓\n",
                new RuleDefinition.ExampleChart("apiVersion: v2\n", List.of(".helmignore")), "fixture",
                new RuleDefinition.Expected(2, List.of(3, 9), List.of("too low")), Map.of("minSeconds", "1800"));
        var passing = new RuleDefinition.RuleExample("passes", true, "", null);
        return new RuleDefinition("a-rule", "ARule", "title", Level.WARNING, List.of("mcp", "security"), "high", "7.5",
                "x".repeat(70_000), "help", List.of(new RuleDefinition.Parameter("minSeconds", "duration",
                nodes.numberNode(3600), null)), check, List.of(example, passing), "rules/a-rule.yaml", supersession);
    }

    private static JsonNode randomNode(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = random.nextInt(depth > 3 ? 10 : 12);
        return switch (kind) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.textNode("t" + random.nextInt() + "\u00e9\u2713");
            case 3 -> nodes.numberNode(random.nextInt());
            case 4 -> nodes.numberNode(random.nextLong());
            case 5 -> nodes.numberNode(BigInteger.valueOf(random.nextLong()).shiftLeft(70));
            case 6 -> nodes.numberNode(random.nextDouble());
            case 7 -> nodes.numberNode(random.nextFloat());
            case 8 -> com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new BigDecimal("1.50"));
            case 9 -> nodes.textNode("");
            case 10 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomNode(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("k" + i, randomNode(random, depth + 1));
                }
                yield object;
            }
        };
    }

    /** Each node's class, depth first: IntNode and LongNode holding 5 are equal as values, not as types. */
    private static List<String> nodeTypes(JsonNode node) {
        List<String> types = new ArrayList<>();
        collect(node, types);
        return types;
    }

    private static void collect(JsonNode node, List<String> types) {
        types.add(node.getClass().getSimpleName());
        node.fields().forEachRemaining(field -> {
            types.add(field.getKey());
            collect(field.getValue(), types);
        });
        if (node.isArray()) {
            node.forEach(item -> collect(item, types));
        }
    }

    private static List<String> messages(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding finding : EngineTest.ordered(findings)) {
            out.add(finding.ruleId() + " " + finding.level() + " " + finding.primary() + " " + finding.message());
        }
        assertFalse(out.contains(null));
        return out;
    }
}
