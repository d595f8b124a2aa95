package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.Relation;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** {@code relation}: the target must satisfy a named graph relation from the registry ({@code covered-by-pdb}, …). */
public final class RelationAssertion implements Assertion {
    private final Function<String, Optional<Relation>> relations;

    /** @param relations looks relations up by name (the registry's {@code relation}) */
    public RelationAssertion(Function<String, Optional<Relation>> relations) {
        this.relations = relations;
    }

    @Override
    public String name() {
        return "relation";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of();
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return registry.relation(config.path("name").asText()).map(Relation::placeholders).orElse(Set.of());
    }

    @Override
    public Set<String> absenceKinds(JsonNode config, MechanismRegistry registry) {
        return registry.relation(config.path("name").asText()).filter(Relation::claimsAbsence)
                .map(relation -> Set.of(Violation.DEFAULT)).orElse(Set.of());
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        String name = config.path("name").asText();
        Optional<Relation> relation = registry.relation(name);
        if (relation.isEmpty()) {
            check.problem("name", "unknown relation '" + name + "'; known: " + String.join(", ", registry.relationNames()));
        } else {
            String incompatibility = relation.get().incompatibility(selector);
            if (incompatibility != null) {
                check.problem("name", incompatibility);
            }
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        Relation relation = relations.apply(config.path("name").asText())
                .orElseThrow(() -> new IllegalStateException("unknown relation " + config.path("name").asText()));
        return relation.check(target, context);
    }
}
