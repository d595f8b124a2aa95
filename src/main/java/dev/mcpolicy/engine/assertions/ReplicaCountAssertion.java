package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.ValueKind;
import dev.mcpolicy.engine.Values;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.engine.workloads.IntOrPercent;
import dev.mcpolicy.engine.workloads.ReplicaRange;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code replica-count}: a workload field that is a count of pods or a percentage of them (Kubernetes
 * {@code IntOrString}, e.g. {@code /spec/strategy/rollingUpdate/maxUnavailable}), turned into a pod count the way
 * the controller does: a percentage of the workload's replicas ({@link ReplicaRange}; {@code replicas: most} uses the
 * largest count an autoscaler may reach, {@code fewest} its minimum), rounded {@code up} or {@code down}.
 * The count must lie within {@code min}/{@code max}. {@code default} applies when the field is unset.
 * {@code when: {path, oneOf, default}} limits the check to objects whose field at that path is one of the values
 * (e.g. the rolling-update fields only count when {@code /spec/strategy/type} is RollingUpdate).
 * Kinds: default (out of bounds), {@code invalid}. Placeholders: {@code written}, {@code actual}, {@code replicas},
 * {@code replicaSource}, {@code defaultNote}, {@code min}, {@code max}.
 */
public final class ReplicaCountAssertion implements Assertion {
    public static final String INVALID = "invalid";

    @Override
    public String name() {
        return "replica-count";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of(INVALID);
    }

    @Override
    public Optional<String> defaultMessage(String kind) {
        return Optional.of("{object} sets {path} to {written}, which Kubernetes does not accept: write a whole number"
                + " or a percentage such as \"25%\".");
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("path", "written", "actual", "replicas", "replicaSource", "defaultNote", "min", "max");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if (!selector.yieldsWorkloads() || selector.yieldsContainers()) {
            check.problem(null, "replica-count needs a workload target (workloads or mcp-servers), not " + selector.name());
        }
        if (!config.path("path").asText("").startsWith("/")) {
            check.problem("path", "must be a JSON pointer such as /spec/strategy/rollingUpdate/maxUnavailable");
        }
        if (!Set.of("up", "down").contains(config.path("round").asText())) {
            check.problem("round", "must be up or down (how the controller rounds a percentage)");
        }
        if (config.has("replicas") && !Set.of("most", "fewest").contains(config.path("replicas").asText())) {
            check.problem("replicas", "must be most or fewest");
        }
        if (config.has("default") && IntOrPercent.read(config.get("default")).isEmpty()) {
            check.problem("default", "must be a whole number or a percentage such as \"25%\"");
        }
        if (!config.has("min") && !config.has("max")) {
            check.problem(null, "needs min or max");
        }
        for (String bound : List.of("min", "max")) {
            if (config.has(bound) && ValueKind.INTEGER.read(check.resolved(config.get(bound))).isEmpty()) {
                check.problem(bound, "must be a whole number or ${param}");
            }
        }
        JsonNode when = config.path("when");
        if (!when.isMissingNode() && (!when.path("path").asText("").startsWith("/") || !when.path("oneOf").isArray())) {
            check.problem("when", "needs path (a JSON pointer) and oneOf (a list of values)");
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        if (target.workload() == null || !applies(target.node(), config.path("when"))) {
            return List.of();
        }
        Optional<ReplicaRange> range = ReplicaRange.of(context.graph(), target.workload());
        if (range.isEmpty()) {
            return List.of();
        }
        String relative = config.path("path").asText();
        JsonNode node = target.node().at(relative);
        boolean unset = node.isMissingNode() || node.isNull();
        Map<String, String> facts = new HashMap<>();
        facts.put("path", Values.dottedPath(relative));
        facts.put("written", unset ? "unset" : Values.text(node));
        facts.put("min", config.has("min") ? Values.text(config.get("min")) : "");
        facts.put("max", config.has("max") ? Values.text(config.get("max")) : "");
        facts.put("defaultNote", "");
        String pointer = target.pointer() + relative;
        Optional<IntOrPercent> value;
        if (unset) {
            if (!config.has("default")) {
                return List.of();
            }
            value = IntOrPercent.read(config.get("default"));
            facts.put("written", value.orElseThrow().text());
            facts.put("defaultNote", " (unset, so the default applies)");
        } else {
            value = IntOrPercent.read(node);
            if (value.isEmpty()) {
                return List.of(Violation.of(INVALID, pointer, facts));
            }
        }
        int replicas = config.path("replicas").asText("most").equals("fewest") ? range.get().min() : range.get().max();
        int count = value.get().of(replicas, config.path("round").asText().equals("up"));
        facts.put("actual", Integer.toString(count));
        facts.put("replicas", Integer.toString(replicas));
        facts.put("replicaSource", range.get().source());
        boolean tooLow = config.has("min") && BigDecimal.valueOf(count).compareTo(config.get("min").decimalValue()) < 0;
        boolean tooHigh = config.has("max") && BigDecimal.valueOf(count).compareTo(config.get("max").decimalValue()) > 0;
        return tooLow || tooHigh ? List.of(Violation.of(Violation.DEFAULT, pointer, facts)) : List.of();
    }

    private static boolean applies(JsonNode object, JsonNode when) {
        if (when.isMissingNode()) {
            return true;
        }
        JsonNode node = object.at(when.path("path").asText());
        String actual = node.isValueNode() && !node.isNull() ? node.asText() : when.path("default").asText(null);
        if (actual == null) {
            return true;
        }
        for (JsonNode option : when.path("oneOf")) {
            if (option.asText().equals(actual)) {
                return true;
            }
        }
        return false;
    }
}
