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
import dev.mcpolicy.engine.mechanism.Violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hpa-scale-rate}: a HorizontalPodAutoscaler changes its replica count in {@code direction} ({@code scaleDown}
 * or {@code scaleUp}) by at most {@code maxPods} pods every {@code perSeconds} seconds. Reads
 * {@code spec.behavior.<direction>} as the autoscaler does: {@code selectPolicy: Disabled} never scales that way;
 * no policies means Kubernetes' defaults (scale-down: 100% every 15 s; scale-up: 100% or 4 pods every 15 s, the
 * larger); {@code Max} (the default) follows the fastest policy, {@code Min} the slowest. A {@code Percent} policy is
 * counted at {@code maxReplicas}, where it removes the most pods (rounded up, as the autoscaler does).
 * autoscaling/v1 has no behavior, so its defaults apply.
 */
public final class ScaleRateAssertion implements Assertion<ScaleRateAssertion.Config> {

    public record Config(@JsonPropertyDescription("scaleDown or scaleUp") String direction,
                         @JsonPropertyDescription("the most pods it may add or remove …") Integer maxPods,
                         @JsonPropertyDescription("… in this many seconds") Integer perSeconds) {
    }
    private static final List<Policy> DEFAULT_SCALE_DOWN = List.of(new Policy("Percent", 100, 15, -1));
    private static final List<Policy> DEFAULT_SCALE_UP = List.of(new Policy("Percent", 100, 15, -1),
            new Policy("Pods", 4, 15, -1));

    @Override
    public String name() {
        return "hpa-scale-rate";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.HPA);
    }

    @Override
    public Map<String, String> violationKinds() {
        return Map.of();
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("policy", "the fastest offending policy, in words", "pods", "the pods it changes",
                "periodSeconds", "per how many seconds", "maxPods", "maxPods", "perSeconds", "perSeconds",
                "defaultNote", "\" (no policies are set, so Kubernetes' default applies)\" or empty",
                "direction", "scale-down or scale-up");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("A HorizontalPodAutoscaler changes its replica count in `direction` (`scaleDown`"
                + " or `scaleUp`) by at most `maxPods` pods every `perSeconds` seconds, reading"
                + " `spec.behavior.<direction>` as the autoscaler does (Kubernetes' default policies when none are"
                + " set; a Percent policy counted at maxReplicas).",
                "target: hpas\nassert:\n  hpa-scale-rate: {direction: scaleDown, maxPods: 1, perSeconds: 60}");
    }

    @Override
    public void validate(Config config, TargetKind target, ConfigProblems problems) {
        if (!Set.of("scaleDown", "scaleUp").contains(String.valueOf(config.direction()))) {
            problems.add("direction", "must be scaleDown or scaleUp");
        }
        if (config.maxPods() == null) {
            problems.add("maxPods", "must be a whole number or ${param}");
        }
        if (config.perSeconds() == null) {
            problems.add("perSeconds", "must be a whole number or ${param}");
        }
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        String direction = config.direction();
        int maxPods = config.maxPods();
        int perSeconds = config.perSeconds();
        JsonNode spec = target.node().path("spec");
        JsonNode rules = spec.path("behavior").path(direction);
        if ("Disabled".equals(rules.path("selectPolicy").asText())) {
            return List.of();
        }
        int maxReplicas = spec.path("maxReplicas").isIntegralNumber() ? spec.path("maxReplicas").intValue() : 1;
        List<Policy> policies = policies(rules.path("policies"));
        boolean defaulted = policies.isEmpty();
        if (defaulted) {
            policies = direction.equals("scaleDown") ? DEFAULT_SCALE_DOWN : DEFAULT_SCALE_UP;
        }
        List<Policy> tooFast = new ArrayList<>();
        for (Policy policy : policies) {
            if ((long) policy.pods(maxReplicas) * perSeconds > (long) maxPods * policy.periodSeconds()) {
                tooFast.add(policy);
            }
        }
        boolean slowest = "Min".equals(rules.path("selectPolicy").asText());
        if (tooFast.isEmpty() || slowest && tooFast.size() < policies.size()) {
            return List.of();
        }
        Policy worst = tooFast.get(0);
        String pointer;
        if (defaulted) {
            pointer = target.pointer() + (rules.isMissingNode() ? "/spec" : "/spec/behavior/" + direction);
        } else {
            pointer = target.pointer() + "/spec/behavior/" + direction + "/policies"
                    + (slowest ? "" : "/" + worst.index());
        }
        Map<String, String> facts = new HashMap<>();
        facts.put("direction", direction.equals("scaleDown") ? "scale-down" : "scale-up");
        facts.put("policy", worst.text(maxReplicas));
        facts.put("pods", Integer.toString(worst.pods(maxReplicas)));
        facts.put("periodSeconds", Integer.toString(worst.periodSeconds()));
        facts.put("maxPods", Integer.toString(maxPods));
        facts.put("perSeconds", Integer.toString(perSeconds));
        facts.put("defaultNote", defaulted ? " (no policies are set, so Kubernetes' default applies)" : "");
        return List.of(Violation.of(Violation.DEFAULT, pointer, facts));
    }

    private static List<Policy> policies(JsonNode list) {
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode policy = list.get(i);
            JsonNode value = policy.path("value");
            JsonNode period = policy.path("periodSeconds");
            String type = policy.path("type").asText();
            if ((type.equals("Pods") || type.equals("Percent")) && value.isIntegralNumber() && period.isIntegralNumber()
                    && period.intValue() > 0) {
                policies.add(new Policy(type, value.intValue(), period.intValue(), i));
            }
        }
        return policies;
    }

    /** @param index position in the written list, or -1 for a Kubernetes default */
    private record Policy(String type, int value, int periodSeconds, int index) {
        int pods(int maxReplicas) {
            return type.equals("Pods") ? value : (int) Math.min(Integer.MAX_VALUE, ((long) maxReplicas * value + 99) / 100);
        }

        String text(int maxReplicas) {
            return type.equals("Pods") ? value + " pod" + (value == 1 ? "" : "s") + " every " + periodSeconds + "s"
                    : value + "% of its pods every " + periodSeconds + "s (" + pods(maxReplicas) + " at "
                    + maxReplicas + " replicas)";
        }
    }
}
