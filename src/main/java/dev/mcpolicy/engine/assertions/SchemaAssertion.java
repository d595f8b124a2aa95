package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigException;
import dev.mcpolicy.engine.mechanism.ConfigProblems;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Values;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.graph.Workload;
import dev.mcpolicy.manifest.JsonPointers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code schema}: a JSON Schema (draft 2020-12, {@code ${param}} substituted) applied to the target or to the node at
 * {@code path}; each validation error is one violation on the offending node (a missing required key is reported at
 * the key that should hold it).
 */
public final class SchemaAssertion implements Assertion<SchemaAssertion.Config> {
    public static final String MISSING = "missing";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build()));

    /** The configuration, with the schema compiled once when the rule is. */
    public static final class Config {
        private final String path;
        private final String from;
        private final Schema schema;

        @JsonCreator
        public Config(@JsonProperty("path") @JsonPropertyDescription("pointer of the node to validate (default: the target)") String path,
                      @JsonProperty("from") @JsonPropertyDescription("object (default) or pod-spec: what path is relative to") String from,
                      @JsonProperty("schema") @JsonPropertyDescription("a JSON Schema, draft 2020-12") JsonNode schema) {
            this.path = path == null ? "" : path;
            this.from = from;
            try {
                this.schema = REGISTRY.getSchema(schema);
                this.schema.initializeValidators();
            } catch (RuntimeException e) {
                throw new ConfigException("schema", "not a usable JSON Schema: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }

        String path() {
            return path;
        }

        boolean podSpec() {
            return "pod-spec".equals(from);
        }
    }

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return EnumSet.allOf(TargetKind.class);
    }

    @Override
    public Map<String, String> violationKinds() {
        return Descriptions.of(MISSING, "the node at path does not exist");
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of(
                "error", "the validator's words",
                "path", "the offending node, relative to the target",
                "field", "that path dotted: resources.requests.cpu",
                "property", "the property a required/additionalProperties error is about, else empty");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("A JSON Schema (draft 2020-12) applied to the target, or to the node at `path`"
                + " (with `from: pod-spec`, relative to the workload's pod spec); each validation error is one"
                + " violation on the offending node, a missing required key on the key that should hold it.",
                "assert:\n  schema:\n    path: /resources\n    schema:\n      type: object\n"
                        + "      required: [requests, limits]");
    }

    @Override
    public void validate(Config config, TargetKind target, ConfigProblems problems) {
        if (config.podSpec() && !target.carriesWorkload()) {
            problems.add("from", "from: pod-spec needs a target that yields workloads");
        }
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        String relative = config.path();
        String basePointer = target.pointer();
        JsonNode base = target.node();
        if (config.podSpec()) {
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
        List<Violation> violations = new ArrayList<>();
        for (Error error : config.schema.validate(node)) {
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
