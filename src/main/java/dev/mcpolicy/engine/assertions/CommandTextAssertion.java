package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.graph.Workload;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code command-text}: what a workload's pods run (see {@link PodText}) must contain a match of the Java regular
 * expression {@code matches}. With {@code when}, only pods whose text matches {@code when} are checked, so a second
 * check can build on a first one without repeating its finding. Reported on the first container's {@code args}
 * (else its {@code command}, else the container). Placeholder: {@code container}.
 */
public final class CommandTextAssertion implements Assertion {

    @Override
    public String name() {
        return "command-text";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of();
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("container");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if (!selector.yieldsWorkloads()) {
            check.problem(null, "command-text needs a target that yields workloads, not " + selector.name());
        }
        for (String field : List.of("matches", "when")) {
            if (config.has(field)) {
                try {
                    Pattern.compile(config.path(field).asText());
                } catch (PatternSyntaxException e) {
                    check.problem(field, "not a valid regular expression: " + e.getDescription());
                }
            }
        }
        if (!config.has("matches")) {
            check.problem(null, "a command-text assertion needs matches (a regular expression)");
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        Workload workload = target.workload();
        if (workload == null) {
            return List.of();
        }
        String text = PodText.of(workload, context.graph());
        if (config.has("when") && !pattern(config.path("when").asText(), context).matcher(text).find()) {
            return List.of();
        }
        if (pattern(config.path("matches").asText(), context).matcher(text).find()) {
            return List.of();
        }
        return List.of(placed(workload));
    }

    private static Pattern pattern(String regex, EvaluationContext context) {
        return context.memo("command-text:" + regex, () -> Pattern.compile(regex));
    }

    /** On the first container that has args (else command); else on the first container; else on the pod spec. */
    private static Violation placed(Workload workload) {
        JsonNode listed = workload.podSpec().path("containers");
        JsonNode containers = listed.isArray() ? listed : JsonNodeFactory.instance.arrayNode();
        String base = workload.podSpecPointer() + "/containers/";
        for (String field : List.of("args", "command")) {
            for (int i = 0; i < containers.size(); i++) {
                if (containers.get(i).has(field)) {
                    return violation(workload, base + i + "/" + field, containers.get(i));
                }
            }
        }
        if (containers.size() > 0) {
            return violation(workload, base + "0", containers.get(0));
        }
        return Violation.of(Violation.DEFAULT, workload.object().pointer(workload.podSpecPointer()),
                Map.of("container", "(none)"));
    }

    private static Violation violation(Workload workload, String relative, JsonNode container) {
        return Violation.of(Violation.DEFAULT, workload.object().pointer(relative),
                Map.of("container", container.path("name").asText("(unnamed)")));
    }
}
