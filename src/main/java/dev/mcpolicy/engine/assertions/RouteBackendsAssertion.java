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
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.K8sObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code route-backends}: every Service backend of a route names a Service of the render (same namespace) and one of
 * its ports, by {@code port.number} or {@code port.name}.
 * Violation kinds: {@code default} (the Service exists but has no such port), {@code no-port} (the backend names no
 * port at all), {@code missing-service} (no such Service in the render: it may belong to another release) and
 * {@code misspelled-service} (no such Service, but one of the namespace is a one- or two-letter edit away).
 */
public final class RouteBackendsAssertion implements Assertion<RouteBackendsAssertion.Config> {

    /** It takes no options: {@code route-backends: {}}. */
    public record Config() {
    }
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
    public Class<Config> configType() {
        return Config.class;
    }

    /** A Service that is not in the render (misspelled or not) may be in a document that could not be read. */
    @Override
    public Set<String> absenceKinds(Config config) {
        return Set.of(MISSING_SERVICE, MISSPELLED_SERVICE);
    }

    @Override
    public Set<TargetKind> accepts() {
        return Set.of(TargetKind.INGRESS);
    }

    @Override
    public Map<String, String> violationKinds() {
        return Descriptions.of(NO_PORT, "the backend names no port",
                MISSING_SERVICE, "no such Service in the render (it may belong to another release)",
                MISSPELLED_SERVICE, "no such Service, but one of the namespace is one or two letters away");
    }

    @Override
    public Map<String, String> placeholders() {
        return Descriptions.of("service", "the Service the backend names", "port", "the port it names (\"none\")",
                "servicePorts", "the ports the Service has, or \"none\"",
                "serviceNote", "\" Did you mean Service/…?\" for a near miss, else empty");
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("Every Service backend of an Ingress names a Service of the render (same namespace)"
                + " and one of its ports, by number or name; the default kind is a port the Service lacks.",
                "target: ingress-routes\nassert:\n  route-backends: {}");
    }

    @Override
    public List<Violation> check(Target target, Config config, EvaluationContext context) {
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
        List<String> names = context.graph().ofKindIn("Service", namespace).stream().map(K8sObject::name).toList();
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
