package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code chart-file-exists}: the chart root holds {@code file} (a folder when it ends with {@code /}). A missing file
 * is reported on the whole Chart.yaml document (its first line, mapping {@code document}). Placeholder: {@code entry} (the name looked for).
 */
public final class ChartFileAssertion implements Assertion {

    @Override
    public String name() {
        return "chart-file-exists";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of();
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("entry");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if (!selector.yieldsCharts()) {
            check.problem(null, "chart-file-exists needs target chart, not " + selector.name());
        }
        String file = config.path("file").asText("");
        if (file.isEmpty() || file.substring(0, file.length() - (file.endsWith("/") ? 1 : 0)).contains("/")) {
            check.problem("file", "must name one entry at the chart root, such as .helmignore or templates/");
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        String file = config.path("file").asText();
        boolean present = context.chart().map(chart -> chart.hasRootEntry(file)).orElse(true);
        return present ? List.of() : List.of(Violation.of(Violation.DEFAULT, "", Map.of("entry", file)));
    }
}
