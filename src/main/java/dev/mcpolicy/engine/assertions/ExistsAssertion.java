package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.engine.Where;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code exists}: the run holds at least one target of another selection ({@code target} plus its {@code where}
 * filters), e.g. a Helm test hook Pod next to an MCP server. Reported on the checked object's
 * {@code metadata.name}; combine with a {@code first: true} filter to report once per render.
 */
public final class ExistsAssertion implements Assertion {
    private final Function<String, Optional<Selector>> selectors;

    public ExistsAssertion(Function<String, Optional<Selector>> selectors) {
        this.selectors = selectors;
    }

    @Override
    public String name() {
        return "exists";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of();
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of();
    }

    /** Its only violation says the render lacks what it looks for. */
    @Override
    public Set<String> absenceKinds(JsonNode config, MechanismRegistry registry) {
        return Set.of(Violation.DEFAULT);
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        String targetName = config.path("target").asText();
        Optional<Selector> wanted = selectors.apply(targetName);
        if (wanted.isEmpty()) {
            check.problem("target", "unknown target '" + targetName + "'");
            return check.problems();
        }
        if (wanted.get().yieldsCharts() != selector.yieldsCharts()) {
            check.problem("target", "exists cannot look for " + targetName + " targets from " + selector.name()
                    + " targets: one is checked per chart, the other per render");
        }
        List<CheckValidator.Problem> whereProblems = new ArrayList<>();
        MechanismRegistry.validateWhere(config.path("where"), JsonPointers.child(pointer, "where"), wanted.get(),
                whereProblems);
        List<CheckValidator.Problem> all = new ArrayList<>(check.problems());
        all.addAll(whereProblems);
        return all;
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        boolean found = context.memo("exists:" + config, () -> {
            Selector selector = selectors.apply(config.path("target").asText()).orElseThrow();
            return !selector.select(context, new Where(config.path("where"))).isEmpty();
        });
        if (found) {
            return List.of();
        }
        String pointer = target.object() != null ? target.object().pointer("/metadata/name") : target.pointer();
        return List.of(Violation.of(Violation.DEFAULT, pointer, Map.of()));
    }
}
