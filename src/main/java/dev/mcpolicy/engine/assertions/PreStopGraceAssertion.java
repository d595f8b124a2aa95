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
import dev.mcpolicy.engine.workloads.PreStopDelay;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code prestop-fits-grace}: a container's {@code preStop} wait ({@link PreStopDelay}) leaves at least
 * {@code minRemainingSeconds} of the pod's {@code terminationGracePeriodSeconds} (30 when unset): the grace period
 * counts from the start of the hook, and the process only gets SIGTERM once the hook returns.
 * Hooks whose length cannot be read pass. Placeholders: {@code delay}, {@code how}, {@code grace}, {@code graceNote},
 * {@code remaining}, {@code minRemaining}.
 */
public final class PreStopGraceAssertion implements Assertion {
    private static final int DEFAULT_GRACE = 30;

    @Override
    public String name() {
        return "prestop-fits-grace";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of();
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("delay", "how", "grace", "graceNote", "remaining", "minRemaining");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if (!selector.yieldsContainers()) {
            check.problem(null, "prestop-fits-grace needs a container target, not " + selector.name());
        }
        if (ValueKind.INTEGER.read(check.resolved(config.path("minRemainingSeconds"))).isEmpty()) {
            check.problem("minRemainingSeconds", "must be a whole number or ${param}");
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        if (target.workload() == null) {
            return List.of();
        }
        var delay = PreStopDelay.of(target.node());
        if (delay.isEmpty()) {
            return List.of();
        }
        JsonNode graceNode = target.workload().podSpec().path("terminationGracePeriodSeconds");
        boolean graceUnset = graceNode.isMissingNode() || graceNode.isNull();
        if (!graceUnset && !graceNode.isIntegralNumber()) {
            return List.of();
        }
        BigDecimal grace = graceUnset ? BigDecimal.valueOf(DEFAULT_GRACE) : graceNode.decimalValue();
        BigDecimal minRemaining = config.path("minRemainingSeconds").decimalValue();
        BigDecimal seconds = delay.get().seconds();
        if (seconds.add(minRemaining).compareTo(grace) <= 0) {
            return List.of();
        }
        Map<String, String> facts = new HashMap<>();
        facts.put("delay", delay.get().infinite() ? "forever" : Values.format(seconds) + "s");
        facts.put("how", delay.get().how());
        facts.put("grace", Values.format(grace));
        facts.put("graceNote", graceUnset ? " (terminationGracePeriodSeconds is unset, so 30 applies)" : "");
        facts.put("remaining", Values.format(grace.subtract(seconds).max(BigDecimal.ZERO)));
        facts.put("minRemaining", Values.format(minRemaining));
        return List.of(Violation.of(Violation.DEFAULT, target.pointer() + delay.get().pointer(), facts));
    }
}
