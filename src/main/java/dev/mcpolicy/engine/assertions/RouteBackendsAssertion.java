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
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.rules.CheckValidator;
import dev.mcpolicy.rules.RuleDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code route-backends}: every Service backend of a route names a Service of the render (same namespace) and one of
 * its ports, by {@code port.number} or {@code port.name}.
 * Violation kinds: {@code default} (the Service exists but has no such port), {@code no-port} (the backend names no
 * port at all), {@code missing-service} (no such Service in the render: it may belong to another release) and
 * {@code misspelled-service} (no such Service, but one of the namespace is a one- or two-letter edit away).
 * Placeholders: {@code service}, {@code port}, {@code servicePorts}, {@code serviceNote}.
 */
public final class RouteBackendsAssertion implements Assertion {
    public static final String NO_PORT = "no-port";
    public static final String MISSING_SERVICE = "missing-service";
    public static final String MISSPELLED_SERVICE = "misspelled-service";
    /** Beyond this many Services in a namespace, spelling suggestions are skipped to stay linear. */
    private static final int MAX_SPELLING_CANDIDATES = 200;
    private static final int MAX_EDITS = 2;
    private static final int MIN_NAME_LENGTH = 5;

    @Override
    public String name() {
        return "route-backends";
    }

    @Override
    public Set<String> messageKinds() {
        return Set.of(NO_PORT, MISSING_SERVICE, MISSPELLED_SERVICE);
    }

    @Override
    public Set<String> placeholders(JsonNode config, MechanismRegistry registry) {
        return Set.of("service", "port", "servicePorts", "serviceNote");
    }

    @Override
    public List<CheckValidator.Problem> validate(JsonNode config, String pointer, Selector selector,
                                                 Map<String, RuleDefinition.Parameter> parameters,
                                                 MechanismRegistry registry) {
        ConfigCheck check = new ConfigCheck(pointer, parameters);
        if (!selector.name().equals("ingress-routes")) {
            check.problem(null, "route-backends needs target ingress-routes, not " + selector.name());
        }
        if (config.isObject() && !config.isEmpty()) {
            check.problem(null, "route-backends takes no options; write route-backends: {}");
        }
        return check.problems();
    }

    @Override
    public List<Violation> check(Target target, JsonNode config, EvaluationContext context) {
        K8sObject route = target.object();
        if (route == null) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        for (Backend backend : context.graph().backends(route)) {
            JsonNode reference = route.node().at(backend.pointer());
            boolean legacy = !reference.path("service").isObject();
            String namePointer = route.pointer(backend.pointer() + (legacy ? "/serviceName" : "/service/name"));
            String portPointer = route.pointer(backend.pointer() + (legacy ? "/servicePort" : "/service/port"));
            String port = backend.portNumber() != null ? backend.portNumber().toString()
                    : backend.portName() != null ? "\"" + backend.portName() + "\"" : "none";
            Map<String, String> facts = new HashMap<>();
            facts.put("service", backend.serviceName());
            facts.put("port", port);
            facts.put("servicePorts", "none");
            facts.put("serviceNote", "");
            K8sObject service = backend.service();
            if (service == null) {
                String similar = similarService(context, route.namespace(), backend.serviceName());
                if (similar != null) {
                    facts.put("serviceNote", " Did you mean Service/" + similar + "?");
                }
                violations.add(Violation.of(similar != null ? MISSPELLED_SERVICE : MISSING_SERVICE, namePointer, facts));
                continue;
            }
            JsonNode ports = service.node().path("spec").path("ports");
            facts.put("servicePorts", describe(ports));
            if (backend.portNumber() == null && backend.portName() == null) {
                violations.add(Violation.of(NO_PORT, portPointer, facts));
                continue;
            }
            boolean externalName = service.node().path("spec").path("type").asText("").equals("ExternalName");
            if (externalName && (!ports.isArray() || ports.isEmpty())) {
                continue;
            }
            if (!hasPort(ports, backend)) {
                // the wrong value itself (port.number / port.name) is the line to edit, not its parent
                String wrongPortPointer = legacy ? portPointer
                        : portPointer + (backend.portNumber() != null ? "/number" : "/name");
                violations.add(new Violation(Violation.DEFAULT, wrongPortPointer, facts, Map.of(), List.of(
                        new Violation.Related(service.document(), service.pointer("/spec/ports"),
                                service.displayName() + " declares its ports here"))));
            }
        }
        return violations;
    }

    private static boolean hasPort(JsonNode ports, Backend backend) {
        if (!ports.isArray()) {
            return false;
        }
        for (JsonNode port : ports) {
            if (backend.portNumber() != null && port.path("port").isIntegralNumber()
                    && port.path("port").intValue() == backend.portNumber()) {
                return true;
            }
            if (backend.portName() != null && backend.portName().equals(port.path("name").asText(null))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonNode ports) {
        if (!ports.isArray() || ports.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode port : ports) {
            String number = port.path("port").isMissingNode() ? "?" : Values.text(port.path("port"));
            parts.add(port.path("name").isTextual() ? port.path("name").asText() + ":" + number : number);
        }
        return MessageLists.join(parts);
    }

    /** A Service of the namespace whose name is at most two edits away, when the namespace is small enough. */
    private static String similarService(EvaluationContext context, String namespace, String wanted) {
        Map<String, List<String>> byNamespace = context.memo("service-names-by-namespace", () -> {
            Map<String, List<String>> index = new HashMap<>();
            for (K8sObject service : context.graph().ofKind("Service")) {
                index.computeIfAbsent(Objects.toString(service.namespace(), ""), ns -> new ArrayList<>())
                        .add(service.name());
            }
            return index;
        });
        List<String> names = byNamespace.getOrDefault(Objects.toString(namespace, ""), List.of());
        if (wanted.length() < MIN_NAME_LENGTH || names.size() > MAX_SPELLING_CANDIDATES) {
            return null;
        }
        for (String name : names) {
            if (name != null && Math.abs(name.length() - wanted.length()) <= MAX_EDITS
                    && editDistance(name, wanted) <= MAX_EDITS) {
                return name;
            }
        }
        return null;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
