package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.MessageLists;
import dev.mcpolicy.engine.Assertion;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.MechanismRegistry;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Values;
import dev.mcpolicy.engine.Violation;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code container-port}: the ports a container refers to at {@code paths} (e.g. {@code /readinessProbe/httpGet/port})
 * must be ports it declares. A name must be one of {@code ports[].name} ({@code names: true}, the default): kubelet
 * cannot resolve anything else and the probe fails. A number should be one of {@code ports[].containerPort}
 * ({@code numbers: true}): declaring it is informational, so a rule may treat it more leniently.
 * Kinds: {@code unknown-name}, {@code undeclared-number}. Placeholders: {@code port}, {@code field},
 * {@code declaredPorts}.
 */
public final class ContainerPortAssertion implements Assertion {
    public static final String UNKNOWN_NAME = "unknown-name";
    public static final String UNDECLARED_NUMBER = "undeclared-number";

    @Override
    public String name() {
        return "container-port";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of(UNKNOWN_NAME, UNDECLARED_NUMBER);
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("port", "field", "declaredPorts");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if (!selector.yieldsContainers()) {
            check.problem(null, "container-port needs a container target (containers or mcp-server-containers), not "
                    + selector.name());
        }
        JsonNode paths = config.path("paths");
        if (!paths.isArray() || paths.isEmpty()) {
            check.problem("paths", "must list the pointers of port references, such as /readinessProbe/httpGet/port");
        } else {
            for (int i = 0; i < paths.size(); i++) {
                if (!paths.get(i).isTextual() || !paths.get(i).asText().startsWith("/")) {
                    check.problem("paths/" + i, "must be a JSON pointer relative to the container");
                }
            }
        }
        for (String flag : List.of("names", "numbers")) {
            if (config.has(flag) && !config.get(flag).isBoolean()) {
                check.problem(flag, "must be true or false");
            }
        }
        if (!config.path("names").asBoolean(true) && !config.path("numbers").asBoolean(true)) {
            check.problem(null, "checks nothing: names and numbers are both false");
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        JsonNode container = target.node();
        Set<String> names = new LinkedHashSet<>();
        Set<Integer> numbers = new LinkedHashSet<>();
        List<String> declared = new ArrayList<>();
        for (JsonNode port : container.path("ports")) {
            JsonNode name = port.path("name");
            JsonNode number = port.path("containerPort");
            if (name.isTextual()) {
                names.add(name.asText());
            }
            if (number.isIntegralNumber()) {
                numbers.add(number.intValue());
            }
            declared.add(name.isTextual() ? name.asText() + " (" + Values.text(number) + ")" : Values.text(number));
        }
        String declaredText = declared.isEmpty() ? "no ports" : "ports " + MessageLists.join(declared);
        boolean checkNames = config.path("names").asBoolean(true);
        boolean checkNumbers = config.path("numbers").asBoolean(true);
        List<Violation> violations = new ArrayList<>();
        for (JsonNode path : config.path("paths")) {
            String relative = path.asText();
            JsonNode reference = container.at(relative);
            String kind = null;
            if (reference.isTextual() && checkNames && !names.contains(reference.asText())) {
                kind = UNKNOWN_NAME;
            } else if (reference.isIntegralNumber() && checkNumbers && !numbers.contains(reference.intValue())) {
                kind = UNDECLARED_NUMBER;
            }
            if (kind != null) {
                Map<String, String> facts = new HashMap<>();
                facts.put("port", Values.text(reference));
                facts.put("field", Values.dottedPath(relative));
                facts.put("declaredPorts", declaredText);
                violations.add(Violation.of(kind, target.pointer() + relative, facts));
            }
        }
        return violations;
    }
}
