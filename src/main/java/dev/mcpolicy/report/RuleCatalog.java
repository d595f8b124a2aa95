package dev.mcpolicy.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpolicy.rules.RuleDefinition;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The rules as JSON for tools ({@code mcpolicy rules --format json}, {@code rules show ID --format json}): what each
 * rule checks, at which levels, its parameters with types and defaults, where it is documented and where it came from.
 * The contract is {@code rules.schema.json}: like the JSON report, every property is always present ({@code null} when
 * there is no value).
 */
public final class RuleCatalog {
    /** Raised when the contract changes. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "/dev/mcpolicy/report/rules.schema.json";
    public static final String BUILT_IN = "built-in";

    private RuleCatalog() {
    }

    /** {@code {"schemaVersion": 1, "rules": [...]}} with the rules in the given order. */
    public static void writeList(List<RuleDefinition> rules, String helpBaseUrl, Writer out) throws IOException {
        ObjectNode root = JsonOutput.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        ArrayNode array = root.putArray("rules");
        rules.forEach(rule -> array.add(summary(rule, helpBaseUrl)));
        JsonOutput.write(root, out);
    }

    /** One rule: the listing's fields plus rationale, help (Markdown) and its examples' names and verdicts. */
    public static void writeOne(RuleDefinition rule, String helpBaseUrl, Writer out) throws IOException {
        ObjectNode node = summary(rule, helpBaseUrl);
        node.put("schemaVersion", SCHEMA_VERSION);
        node.put("rationale", rule.rationale());
        node.put("help", rule.help());
        ArrayNode examples = node.putArray("examples");
        for (RuleDefinition.RuleExample example : rule.examples()) {
            ObjectNode entry = examples.addObject();
            entry.put("name", example.name());
            entry.put("expect", example.passing() ? "pass" : "fail");
            if (example.expected() != null) {
                entry.put("count", example.expected().count());
            } else {
                entry.putNull("count");
            }
        }
        JsonOutput.write(node, out);
    }

    private static ObjectNode summary(RuleDefinition rule, String helpBaseUrl) {
        ObjectNode node = JsonOutput.object();
        node.put("id", rule.id());
        node.put("name", rule.name());
        node.put("title", rule.title());
        node.put("level", rule.level().id());
        ArrayNode levels = node.putArray("levels");
        rule.levels().forEach(level -> levels.add(level.id()));
        ArrayNode tags = node.putArray("tags");
        rule.tags().forEach(tags::add);
        node.put("precision", rule.precision());
        node.put("securitySeverity", rule.securitySeverity());
        ArrayNode parameters = node.putArray("parameters");
        for (RuleDefinition.Parameter parameter : rule.parameters()) {
            ObjectNode entry = parameters.addObject();
            entry.put("name", parameter.name());
            entry.put("type", parameter.type());
            entry.set("default", parameter.defaultValue());
            entry.put("description", parameter.description());
        }
        ArrayNode folded = node.putArray("supersededBy");
        rule.supersededBy().rules().forEach(folded::add);
        node.put("helpUri", RuleLinks.helpUri(helpBaseUrl, rule).orElse(null));
        node.put("source", rule.builtIn() ? BUILT_IN : rule.sourceFile());
        return node;
    }
}
