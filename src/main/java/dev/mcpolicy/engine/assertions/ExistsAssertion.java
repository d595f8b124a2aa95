package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.ConfigProblems;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.engine.mechanism.Where;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code exists}: the run holds at least one target of another selection ({@code target} plus its {@code where}
 * filters), e.g. a Helm test hook Pod next to an MCP server. Reported on the checked object's
 * {@code metadata.name}; combine with a {@code first: true} filter to report once per render.
 */
public final class ExistsAssertion implements Assertion<ExistsAssertion.Config> {
    private final Map<String, Selector> selectors;

    /** @param selectors the targets rule files may name, by name */
    public ExistsAssertion(Map<String, Selector> selectors) {
        this.selectors = Map.copyOf(selectors);
    }

    /** The selection looked for: a target name and its filters as written, and typed. */
    public static final class Config {
        private final String target;
        private final JsonNode whereAsWritten;
        private final Where where;

        @JsonCreator
        public Config(@JsonProperty("target") @JsonPropertyDescription("the target to look for") String target,
                      @JsonProperty("where") @JsonPropertyDescription("its filters, as in a check") JsonNode where) {
            this.target = target;
            this.whereAsWritten = where;
            this.where = Where.of(where);
        }
    }

    @Override
    public String name() {
        return "exists";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return EnumSet.allOf(TargetKind.class);
    }

    /** Its only violation says the render lacks what it looks for. */
    @Override
    public Set<String> absenceKinds(Config config) {
        return Set.of(Violation.DEFAULT);
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of();
    }

    @Override
    public Map<String, String> violationKinds() {
        return Map.of();
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("The run holds at least one target of another selection (`target` plus its"
                + " `where` filters), e.g. a Helm test hook Pod next to an MCP server; reported on the checked"
                + " object's `metadata.name`. Combine with `where: {first: true}` to report once per render.",
                "target: workloads\nwhere: {mcpServer: true, first: true}\nassert:\n  exists:\n"
                        + "    target: workloads\n    where: {helmHook: [test]}");
    }

    @Override
    public void validate(Config config, TargetKind target, ConfigProblems problems) {
        Selector wanted = selectors.get(config.target);
        if (wanted == null) {
            problems.add("target", "unknown target '" + config.target + "'");
            return;
        }
        if ((wanted.yields() == TargetKind.CHART) != (target == TargetKind.CHART)) {
            problems.add("target", "exists cannot look for " + config.target + " targets from these targets: one is"
                    + " checked per chart, the other per render");
        }
        Where.problems(config.whereAsWritten, wanted, (filter, message) -> problems.add("where/" + filter, message));
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        Selector selector = selectors.get(config.target);
        List<Target> found = context.facts().selection(selector, config.where,
                () -> selector.select(context, config.where));
        if (!found.isEmpty()) {
            return List.of();
        }
        String pointer = target.object() != null ? target.object().pointer("/metadata/name") : target.pointer();
        return List.of(Violation.of(Violation.DEFAULT, pointer, Map.of()));
    }
}
