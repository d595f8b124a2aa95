package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.ValueKind;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

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
 * autoscaling/v1 has no behavior, so its defaults apply. Placeholders: {@code policy}, {@code pods},
 * {@code periodSeconds}, {@code maxPods}, {@code perSeconds}, {@code defaultNote}.
 */
public final class ScaleRateAssertion implements Assertion {
    private static final List<Policy> DEFAULT_SCALE_DOWN = List.of(new Policy("Percent", 100, 15, -1));
    private static final List<Policy> DEFAULT_SCALE_UP = List.of(new Policy("Percent", 100, 15, -1),
            new Policy("Pods", 4, 15, -1));

    @Override
    public String name() {
        return "hpa-scale-rate";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of();
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("policy", "pods", "periodSeconds", "maxPods", "perSeconds", "defaultNote", "direction");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if (!selector.name().equals("hpas")) {
            check.problem(null, "hpa-scale-rate needs target hpas, not " + selector.name());
        }
        if (!Set.of("scaleDown", "scaleUp").contains(config.path("direction").asText())) {
            check.problem("direction", "must be scaleDown or scaleUp");
        }
        for (String field : List.of("maxPods", "perSeconds")) {
            if (ValueKind.INTEGER.read(check.resolved(config.path(field))).isEmpty()) {
                check.problem(field, "must be a whole number or ${param}");
            }
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        String direction = config.path("direction").asText();
        int maxPods = config.path("maxPods").asInt();
        int perSeconds = config.path("perSeconds").asInt();
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
