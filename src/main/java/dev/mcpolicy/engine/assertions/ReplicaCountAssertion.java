package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigProblems;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Values;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.engine.workloads.IntOrPercent;
import dev.mcpolicy.engine.workloads.ReplicaRange;

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
 * Kinds: default (out of bounds), {@code invalid}.
 */
public final class ReplicaCountAssertion implements Assertion<ReplicaCountAssertion.Config> {

    public record Config(
            @JsonPropertyDescription("pointer of the count, relative to the workload") String path,
            @JsonPropertyDescription("how the controller rounds a percentage: up or down") String round,
            @JsonPropertyDescription("which replica count a percentage is of: most (default) or fewest") String replicas,
            @com.fasterxml.jackson.annotation.JsonProperty("default")
            @JsonPropertyDescription("what applies when the field is unset: a count or a percentage") JsonNode defaultValue,
            @JsonPropertyDescription("the fewest pods the count may come to") Integer min,
            @JsonPropertyDescription("the most pods the count may come to") Integer max,
            @JsonPropertyDescription("only objects whose field at path is one of oneOf (default when unset)") When when) {
    }

    public record When(@JsonPropertyDescription("pointer of the field, relative to the workload") String path,
                       @JsonPropertyDescription("the values that make the check apply") List<JsonNode> oneOf,
                       @com.fasterxml.jackson.annotation.JsonProperty("default")
                       @JsonPropertyDescription("the value when the field is unset") JsonNode defaultValue) {
    }
    public static final String INVALID = "invalid";

    @Override
    public String name() {
        return "replica-count";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.WORKLOAD);
    }

    @Override
    public Map<String, String> violationKinds() {
        return Descriptions.of(INVALID, "neither a whole number nor a percentage");
    }

    @Override
    public Optional<String> defaultMessage(String kind) {
        return Optional.of("{object} sets {path} to {written}, which Kubernetes does not accept: write a whole number"
                + " or a percentage such as \"25%\".");
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("path", "the field, dotted", "written", "the value as written (or the default)",
                "actual", "the pod count it comes to", "replicas", "the replica count a percentage is of",
                "replicaSource", "where that count comes from (spec.replicas, an autoscaler's range)",
                "defaultNote", "\" (unset, so the default applies)\" or empty", "min", "min", "max", "max");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("A workload field that counts pods or a percentage of them (Kubernetes IntOrString,"
                + " such as `maxUnavailable`), turned into a pod count as the controller does (a percentage of the"
                + " most or fewest replicas, rounded `up` or `down`), must lie within `min`/`max`; `default` applies"
                + " when unset and `when` limits the check to objects whose field at `when.path` is one of"
                + " `when.oneOf`.",
                "target: mcp-servers\nassert:\n  replica-count:\n    path: /spec/strategy/rollingUpdate/maxUnavailable\n"
                        + "    round: down\n    default: 25%\n    max: 0\n"
                        + "    when: {path: /spec/strategy/type, oneOf: [RollingUpdate], default: RollingUpdate}");
    }

    @Override
    public void validate(Config config, TargetKind target, ConfigProblems problems) {
        if (config.path() == null || !config.path().startsWith("/")) {
            problems.add("path", "must be a JSON pointer such as /spec/strategy/rollingUpdate/maxUnavailable");
        }
        if (!Set.of("up", "down").contains(String.valueOf(config.round()))) {
            problems.add("round", "must be up or down (how the controller rounds a percentage)");
        }
        if (config.replicas() != null && !Set.of("most", "fewest").contains(config.replicas())) {
            problems.add("replicas", "must be most or fewest");
        }
        if (config.defaultValue() != null && IntOrPercent.read(config.defaultValue()).isEmpty()) {
            problems.add("default", "must be a whole number or a percentage such as \"25%\"");
        }
        if (config.min() == null && config.max() == null) {
            problems.add(null, "needs min or max");
        }
        When when = config.when();
        if (when != null && (when.path() == null || !when.path().startsWith("/") || when.oneOf() == null)) {
            problems.add("when", "needs path (a JSON pointer) and oneOf (a list of values)");
        }
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        if (target.workload() == null || !applies(target.node(), config.when())) {
            return List.of();
        }
        Optional<ReplicaRange> range = ReplicaRange.of(context.graph(), target.workload());
        if (range.isEmpty()) {
            return List.of();
        }
        String relative = config.path();
        JsonNode node = target.node().at(relative);
        boolean unset = node.isMissingNode() || node.isNull();
        Map<String, String> facts = new HashMap<>();
        facts.put("path", Values.dottedPath(relative));
        facts.put("written", unset ? "unset" : Values.text(node));
        facts.put("min", config.min() != null ? config.min().toString() : "");
        facts.put("max", config.max() != null ? config.max().toString() : "");
        facts.put("defaultNote", "");
        String pointer = target.pointer() + relative;
        Optional<IntOrPercent> value;
        if (unset) {
            if (config.defaultValue() == null) {
                return List.of();
            }
            value = IntOrPercent.read(config.defaultValue());
            facts.put("written", value.orElseThrow().text());
            facts.put("defaultNote", " (unset, so the default applies)");
        } else {
            value = IntOrPercent.read(node);
            if (value.isEmpty()) {
                return List.of(Violation.of(INVALID, pointer, facts));
            }
        }
        int replicas = "fewest".equals(config.replicas()) ? range.get().min() : range.get().max();
        int count = value.get().of(replicas, "up".equals(config.round()));
        facts.put("actual", Integer.toString(count));
        facts.put("replicas", Integer.toString(replicas));
        facts.put("replicaSource", range.get().source());
        boolean tooLow = config.min() != null && count < config.min();
        boolean tooHigh = config.max() != null && count > config.max();
        return tooLow || tooHigh ? List.of(Violation.of(Violation.DEFAULT, pointer, facts)) : List.of();
    }

    private static boolean applies(JsonNode object, When when) {
        if (when == null) {
            return true;
        }
        JsonNode node = object.at(when.path());
        String actual = node.isValueNode() && !node.isNull() ? node.asText()
                : when.defaultValue() == null || when.defaultValue().isNull() ? null : when.defaultValue().asText();
        if (actual == null) {
            return true;
        }
        for (JsonNode option : when.oneOf()) {
            if (option.asText().equals(actual)) {
                return true;
            }
        }
        return false;
    }
}
