package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigException;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.Relation;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Violation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code relation}: the target must satisfy a named graph relation ({@code covered-by-pdb}, …); each {@code name:}
 * leads to one {@link Relation} class, checked against the target when the rule compiles.
 */
public final class RelationAssertion implements Assertion<RelationAssertion.Config> {
    private final Map<String, Relation> relations;

    /** @param relations the relations rule files may name, by name */
    public RelationAssertion(Map<String, Relation> relations) {
        this.relations = Map.copyOf(relations);
    }

    /** @param name the relation's name */
    public record Config(@JsonPropertyDescription("the relation, see Relations") String name) {
    }

    @Override
    public String name() {
        return "relation";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    private Relation relation(Config config) {
        Relation relation = relations.get(config.name());
        if (relation == null) {
            throw new ConfigException("name", "unknown relation '" + config.name() + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(relations.keySet())));
        }
        return relation;
    }

    @Override
    public Set<TargetKind> accepts() {
        return EnumSet.allOf(TargetKind.class);
    }

    @Override
    public Set<TargetKind> accepts(Config config) {
        return relations.containsKey(config.name()) ? relation(config).accepts() : accepts();
    }

    @Override
    public String subject(Config config) {
        return config.name();
    }

    @Override
    public String acceptsField() {
        return "name";
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of();
    }

    @Override
    public Set<String> placeholders(Config config) {
        return relations.containsKey(config.name()) ? relation(config).placeholders().keySet() : Set.of();
    }

    @Override
    public Set<String> absenceKinds(Config config) {
        Relation relation = relations.get(config.name());
        return relation != null && relation.claimsAbsence() ? Set.of(Violation.DEFAULT) : Set.of();
    }

    @Override
    public Map<String, String> violationKinds() {
        return Map.of();
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("The target must satisfy the graph relation `name`; each relation documents what"
                + " must hold, its targets and placeholders (below).",
                "target: mcp-servers\nassert:\n  relation: {name: covered-by-pdb}");
    }

    @Override
    public void validate(Config config, TargetKind target, dev.mcpolicy.engine.mechanism.ConfigProblems problems) {
        if (!relations.containsKey(config.name())) {
            problems.add("name", "unknown relation '" + config.name() + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(relations.keySet())));
        }
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        return relation(config).check(target, context);
    }
}
