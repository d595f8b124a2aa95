package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the Service backends of an Ingress in document order: {@code spec.rules[].http.paths[].backend} and
 * {@code spec.defaultBackend} (legacy {@code spec.backend}). Both backend shapes are read whatever the apiVersion
 * says: networking.k8s.io/v1 {@code service: {name, port: {name|number}}} and the legacy extensions/v1beta1 /
 * networking.k8s.io/v1beta1 {@code serviceName}/{@code servicePort}. Resource backends (not a Service) are skipped.
 */
final class IngressBackends {
    private IngressBackends() {
    }

    static List<Backend> read(K8sObject ingress, Function<String, K8sObject> serviceInNamespace) {
        List<Backend> backends = new ArrayList<>();
        JsonNode spec = ingress.node().path("spec");
        if (!spec.isObject()) {
            return backends;
        }
        // Walk spec's keys in their own order so defaultBackend lands before or after the rules as written.
        for (Map.Entry<String, JsonNode> field : spec.properties()) {
            switch (field.getKey()) {
                case "rules" -> readRules(ingress, field.getValue(), serviceInNamespace, backends);
                case "defaultBackend", "backend" ->
                        readBackend(ingress, "/spec/" + field.getKey(), field.getValue(), serviceInNamespace)
                                .forEach(backends::add);
                default -> {
                }
            }
        }
        return backends;
    }

    private static void readRules(K8sObject ingress, JsonNode rules, Function<String, K8sObject> services,
                                  List<Backend> into) {
        if (!rules.isArray()) {
            return;
        }
        for (int r = 0; r < rules.size(); r++) {
            JsonNode paths = rules.get(r).path("http").path("paths");
            if (!paths.isArray()) {
                continue;
            }
            for (int p = 0; p < paths.size(); p++) {
                String pointer = "/spec/rules/" + r + "/http/paths/" + p + "/backend";
                readBackend(ingress, pointer, paths.get(p).path("backend"), services).forEach(into::add);
            }
        }
    }

    private static List<Backend> readBackend(K8sObject ingress, String pointer, JsonNode backend,
                                             Function<String, K8sObject> services) {
        if (!backend.isObject()) {
            return List.of();
        }
        JsonNode service = backend.path("service");
        if (service.isObject()) {
            String name = ObjectExtractor.text(service.path("name"));
            if (name == null) {
                return List.of();
            }
            JsonNode port = service.path("port");
            String portName = ObjectExtractor.text(port.path("name"));
            Integer portNumber = port.path("number").canConvertToInt() && port.path("number").isIntegralNumber()
                    ? port.path("number").intValue() : null;
            return List.of(new Backend(ingress, pointer, name, portName, portNumber, services.apply(name)));
        }
        String legacyName = ObjectExtractor.text(backend.path("serviceName"));
        if (legacyName == null) {
            return List.of();
        }
        // servicePort is an IntOrString: a number is a port number, text is a port name.
        JsonNode servicePort = backend.path("servicePort");
        Integer portNumber = servicePort.isIntegralNumber() && servicePort.canConvertToInt()
                ? servicePort.intValue() : null;
        String portName = ObjectExtractor.text(servicePort);
        return List.of(new Backend(ingress, pointer, legacyName, portName, portNumber, services.apply(legacyName)));
    }
}
