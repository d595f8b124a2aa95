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
import dev.mcpolicy.engine.workloads.PreStopDelay;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code prestop-fits-grace}: a container's {@code preStop} wait ({@link PreStopDelay}) leaves at least
 * {@code minRemainingSeconds} of the pod's {@code terminationGracePeriodSeconds} (30 when unset): the grace period
 * counts from the start of the hook, and the process only gets SIGTERM once the hook returns.
 * Hooks whose length cannot be read pass.
 */
public final class PreStopGraceAssertion implements Assertion<PreStopGraceAssertion.Config> {

    /** @param minRemainingSeconds the time the server must keep after the hook, out of the grace period */
    public record Config(
            @JsonPropertyDescription("seconds of the grace period that must remain after the hook") Integer minRemainingSeconds) {
    }
    private static final int DEFAULT_GRACE = 30;

    @Override
    public String name() {
        return "prestop-fits-grace";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.CONTAINER);
    }

    @Override
    public Map<String, String> violationKinds() {
        return Map.of();
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("delay", "the preStop wait (\"forever\" for sleep infinity)",
                "how", "what was read: exec \"sleep 30\", sleep action of 30s",
                "grace", "terminationGracePeriodSeconds (30 when unset)",
                "graceNote", "\" (terminationGracePeriodSeconds is unset, so 30 applies)\" or empty",
                "remaining", "the seconds left after the hook", "minRemaining", "minRemainingSeconds");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("A container's preStop wait (native sleep action, exec sleep, sleep in a `sh -c`"
                + " script) leaves at least `minRemainingSeconds` of the pod's terminationGracePeriodSeconds (30"
                + " when unset); hooks whose length cannot be read pass.",
                "target: mcp-server-containers\nassert:\n  prestop-fits-grace:\n    minRemainingSeconds: ${minRemainingSeconds}");
    }

    @Override
    public void validate(Config config, TargetKind target, ConfigProblems problems) {
        if (config.minRemainingSeconds() == null) {
            problems.add("minRemainingSeconds", "must be a whole number or ${param}");
        }
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
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
        BigDecimal minRemaining = BigDecimal.valueOf(config.minRemainingSeconds());
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
