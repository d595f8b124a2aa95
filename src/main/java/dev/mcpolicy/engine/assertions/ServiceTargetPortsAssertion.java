package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.engine.mechanism.Assertion;
import dev.mcpolicy.engine.mechanism.Descriptions;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Values;
import dev.mcpolicy.engine.mechanism.Violation;
import dev.mcpolicy.engine.mechanism.MessageLists;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code service-target-ports}: every {@code spec.ports[].targetPort} of a Service (default: its {@code port}) is a
 * port the containers of the workloads it selects declare, by {@code ports[].name} or {@code containerPort}.
 * Services that select no workload of the render are left to {@code selects-pods}.
 * Violation kinds: {@code default} (a named targetPort no selected container declares: the endpoints stay empty),
 * {@code number-not-declared} (a number no container declares while they declare others; containerPort is
 * informational, so this is weaker) and {@code number-as-string} (a quoted number, which the API server rejects
 * because a port name must contain a letter).
 */
public final class ServiceTargetPortsAssertion implements Assertion<ServiceTargetPortsAssertion.Config> {

    /** It takes no options: {@code service-target-ports: {}}. */
    public record Config() {
    }
    public static final String NUMBER_NOT_DECLARED = "number-not-declared";
    public static final String NUMBER_AS_STRING = "number-as-string";
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers");

    @Override
    public String name() {
        return "service-target-ports";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.SERVICE);
    }

    @Override
    public Map<String, String> violationKinds() {
        return Descriptions.of(NUMBER_NOT_DECLARED, "a number no selected container declares while they declare others",
                NUMBER_AS_STRING, "a quoted number, which the API server rejects");
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("port", "the Service port (its name, else number)", "targetPort", "the targetPort",
                "targetPortNote", "\" (targetPort is unset, so it defaults to the port …)\" or empty",
                "declaredPorts", "the container ports of the selected workloads",
                "selectedWorkloads", "the workloads the Service selects");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("Every `spec.ports[].targetPort` of a Service (default: its port) is a port the"
                + " containers of the workloads it selects declare, by name or number; the default kind is a named"
                + " targetPort no selected container declares.", "target: services\nassert:\n  service-target-ports: {}");
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
        if (target.object() == null || !target.object().apiVersion().equals("v1")) {
            return List.of();
        }
        // Helm hook Pods (tests) are gone once they have run; they neither need nor provide the port.
        List<Workload> selected = context.graph().selectedBy(target.object()).stream()
                .filter(workload -> !workload.helmHook()).toList();
        JsonNode ports = target.node().path("spec").path("ports");
        if (selected.isEmpty() || !ports.isArray()) {
            return List.of();
        }
        DeclaredPorts declared = DeclaredPorts.of(selected);
        Set<String> workloadNames = new LinkedHashSet<>();
        selected.forEach(w -> workloadNames.add(w.object().displayName()));
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            JsonNode targetPort = port.path("targetPort");
            String portText = port.path("name").isTextual() ? "\"" + port.path("name").asText() + "\""
                    : Values.text(port.path("port"));
            String base = "/spec/ports/" + i;
            String kind = null;
            String written;
            String note = "";
            String pointer = target.object().pointer(base + "/targetPort");
            if (targetPort.isTextual()) {
                written = targetPort.asText();
                if (written.chars().allMatch(Character::isDigit) && !written.isEmpty()) {
                    kind = NUMBER_AS_STRING;
                } else if (!declared.names().contains(written)) {
                    kind = Violation.DEFAULT;
                }
            } else if (targetPort.isIntegralNumber() || targetPort.isMissingNode() || targetPort.isNull()) {
                boolean defaulted = !targetPort.isIntegralNumber();
                JsonNode number = defaulted ? port.path("port") : targetPort;
                if (!number.isIntegralNumber()) {
                    continue;
                }
                written = Values.text(number);
                if (defaulted) {
                    pointer = target.object().pointer(base + "/port");
                    note = " (targetPort is unset, so it defaults to the port " + written + ")";
                }
                if (!declared.numbers().isEmpty() && !declared.numbers().contains(number.intValue())) {
                    kind = NUMBER_NOT_DECLARED;
                }
            } else {
                continue;
            }
            if (kind != null) {
                violations.add(new Violation(kind, pointer, Map.of(
                        "port", portText,
                        "targetPort", written,
                        "targetPortNote", note,
                        "declaredPorts", declared.describe(),
                        "selectedWorkloads", MessageLists.join(workloadNames, 3)), Map.of(), declared.related()));
            }
        }
        return violations;
    }

    /** The container ports of the selected workloads: names, numbers and where they are written. */
    private record DeclaredPorts(Set<String> names, Set<Integer> numbers, Set<String> described,
                                 List<Violation.Related> related) {
        static DeclaredPorts of(List<Workload> workloads) {
            DeclaredPorts declared = new DeclaredPorts(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new ArrayList<>());
            for (Workload workload : workloads) {
                for (String list : CONTAINER_LISTS) {
                    JsonNode containers = workload.podSpec().path(list);
                    for (int c = 0; containers.isArray() && c < containers.size(); c++) {
                        declared.add(workload, list, c, containers.get(c).path("ports"));
                    }
                }
            }
            return declared;
        }

        private void add(Workload workload, String list, int index, JsonNode ports) {
            if (!ports.isArray() || ports.isEmpty()) {
                return;
            }
            for (JsonNode port : ports) {
                String name = port.path("name").isTextual() ? port.path("name").asText() : null;
                JsonNode number = port.path("containerPort");
                if (name != null) {
                    names.add(name);
                }
                if (number.isIntegralNumber()) {
                    numbers.add(number.intValue());
                }
                described.add((name == null ? "" : name + ":") + Values.text(number));
            }
            if (related.size() < 3) {
                related.add(new Violation.Related(workload.object().document(),
                        workload.object().pointer(workload.podSpecPointer() + "/" + list + "/" + index + "/ports"),
                        workload.object().displayName() + " declares its container ports here"));
            }
        }

        String describe() {
            return described.isEmpty() ? "none" : MessageLists.join(described);
        }
    }
}
