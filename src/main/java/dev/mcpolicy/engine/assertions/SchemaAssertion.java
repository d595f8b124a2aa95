package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.ParameterSubstitution;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Values;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.graph.Workload;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code schema}: a JSON Schema (draft 2020-12, {@code ${param}} substituted) applied to the target or to the node at
 * {@code path}; each validation error is one violation on the offending node (a missing required key is reported at
 * the key that should hold it). Placeholders: {@code error} (the validator's words), {@code path}, {@code field} (the
 * path dotted: {@code resources.requests.cpu}), {@code property}.
 */
public final class SchemaAssertion implements Assertion {
    public static final String MISSING = "missing";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build()));

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of(MISSING);
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("error", "path", "field", "property");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if ("pod-spec".equals(config.path("from").asText()) && !selector.yieldsWorkloads()) {
            check.problem("from", "from: pod-spec needs a target that yields workloads, not " + selector.name());
        }
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        parameters.values().forEach(p -> defaults.put(p.name(), p.defaultValue()));
        try {
            compile(ParameterSubstitution.apply(config.path("schema"), defaults));
        } catch (RuntimeException e) {
            check.problem("schema", "not a usable JSON Schema: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        String relative = config.path("path").asText("");
        String basePointer = target.pointer();
        JsonNode base = target.node();
        if ("pod-spec".equals(config.path("from").asText())) {
            Workload workload = target.workload();
            if (workload == null) {
                return List.of();
            }
            basePointer = workload.object().pointer(workload.podSpecPointer());
            base = workload.podSpec();
        }
        String pointer = basePointer + relative;
        JsonNode node = base.at(relative);
        if (node.isMissingNode()) {
            return List.of(Violation.of(MISSING, pointer, Map.of("error", "missing", "path", relative,
                    "field", Values.dottedPath(relative), "property", "")));
        }
        String schemaText = config.path("schema").toString();
        Schema schema = context.memo("schema:" + schemaText, () -> compile(config.path("schema")));
        List<Violation> violations = new ArrayList<>();
        for (Error error : schema.validate(node)) {
            String at = pointer + pointer(error.getInstanceLocation());
            String property = error.getProperty();
            if (property != null && Set.of("required", "additionalProperties", "dependentRequired").contains(error.getKeyword())) {
                at = JsonPointers.child(at, property);
            }
            Map<String, String> facts = new HashMap<>();
            facts.put("error", error.getMessage());
            facts.put("path", at.substring(basePointer.length()));
            facts.put("field", Values.dottedPath(at.substring(basePointer.length())));
            facts.put("property", property == null ? "" : property);
            violations.add(Violation.of(Violation.DEFAULT, at, facts));
        }
        return violations;
    }

    private static Schema compile(JsonNode schema) {
        Schema compiled = REGISTRY.getSchema(schema);
        compiled.initializeValidators();
        return compiled;
    }

    private static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            out.append('/').append(element instanceof Integer ? element.toString()
                    : JsonPointers.escape(String.valueOf(element)));
        }
        return out.toString();
    }
}
