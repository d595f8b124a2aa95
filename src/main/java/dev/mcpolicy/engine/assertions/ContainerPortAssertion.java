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
import dev.mcpolicy.engine.mechanism.MessageLists;

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
 * Kinds: {@code unknown-name}, {@code undeclared-number}.
 */
public final class ContainerPortAssertion implements Assertion<ContainerPortAssertion.Config> {

    public record Config(
            @JsonPropertyDescription("pointers of port references, relative to the container (/readinessProbe/httpGet/port)") List<String> paths,
            @JsonPropertyDescription("check port names against ports[].name (default true)") Boolean names,
            @JsonPropertyDescription("check port numbers against ports[].containerPort (default true)") Boolean numbers) {
        public Config {
            paths = paths == null ? List.of() : List.copyOf(paths);
        }

        boolean checkNames() {
            return !Boolean.FALSE.equals(names);
        }

        boolean checkNumbers() {
            return !Boolean.FALSE.equals(numbers);
        }
    }
    public static final String UNKNOWN_NAME = "unknown-name";
    public static final String UNDECLARED_NUMBER = "undeclared-number";

    @Override
    public String name() {
        return "container-port";
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
        return Descriptions.of(UNKNOWN_NAME, "a port name the container does not declare (kubelet cannot resolve it)",
                UNDECLARED_NUMBER, "a port number the container does not declare (informational in Kubernetes)");
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("port", "the port referred to", "field", "where, dotted: readinessProbe.httpGet.port",
                "declaredPorts", "the ports the container declares, or \"no ports\"");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("The ports a container refers to at `paths` (probe ports) must be ports it declares:"
                + " a name one of `ports[].name` (`names`, default true), a number one of `ports[].containerPort`"
                + " (`numbers`, default true).",
                "target: mcp-server-containers\nassert:\n  container-port:\n"
                        + "    paths: [/readinessProbe/httpGet/port, /livenessProbe/httpGet/port]\n    numbers: false");
    }

    @Override
    public void validate(Config config, TargetKind target, ConfigProblems problems) {
        if (config.paths().isEmpty()) {
            problems.add("paths", "must list the pointers of port references, such as /readinessProbe/httpGet/port");
        }
        for (int i = 0; i < config.paths().size(); i++) {
            if (config.paths().get(i) == null || !config.paths().get(i).startsWith("/")) {
                problems.add("paths/" + i, "must be a JSON pointer relative to the container");
            }
        }
        if (!config.checkNames() && !config.checkNumbers()) {
            problems.add(null, "checks nothing: names and numbers are both false");
        }
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
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
        boolean checkNames = config.checkNames();
        boolean checkNumbers = config.checkNumbers();
        List<Violation> violations = new ArrayList<>();
        for (String relative : config.paths()) {
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
