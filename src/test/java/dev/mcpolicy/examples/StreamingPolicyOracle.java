package dev.mcpolicy.examples;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A deliberately naive, independent restatement of the seven policies over plain Jackson trees. It knows
 * nothing of mcpolicy's graph or engine; it only exists so the example files can be checked for the
 * problems they claim to have (broken) or not to have (good) before the real engine is merged.
 * MCP servers here: long-running workloads whose image repository mentions "mcp".
 */
final class StreamingPolicyOracle {
    private static final String NGINX = "nginx.ingress.kubernetes.io/";
    private static final Pattern LITERAL_CREDENTIAL = Pattern.compile(
            "ghp_[A-Za-z0-9]{36}|sk-[A-Za-z0-9_-]{20,}|://[^/\\s:@]+:[^/\\s@$]+@");

    private final List<JsonNode> objects;
    private final Map<String, JsonNode> servicesByName = new HashMap<>();

    StreamingPolicyOracle(List<JsonNode> objects) {
        this.objects = objects;
        objects.stream().filter(o -> "Service".equals(o.path("kind").asText()))
                .forEach(service -> servicesByName.put(name(service), service));
    }

    /** One line per violation: "rule-id Kind/name: detail", in document order. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        Map<String, JsonNode> mcpServers = mcpServersByName();
        for (JsonNode object : objects) {
            switch (object.path("kind").asText()) {
                case "Ingress" -> checkIngress(object, mcpServers, violations);
                case "HorizontalPodAutoscaler" -> checkHpa(object, mcpServers, violations);
                default -> {
                }
            }
        }
        for (JsonNode server : mcpServers.values()) {
            checkServer(server, violations);
        }
        return violations;
    }

    private Map<String, JsonNode> mcpServersByName() {
        Map<String, JsonNode> servers = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            if (!List.of("Deployment", "StatefulSet", "DaemonSet").contains(kind)) {
                continue;
            }
            for (JsonNode container : podSpec(object).path("containers")) {
                String repository = container.path("image").asText().replaceFirst("[:@].*$", "");
                if (repository.contains("mcp")) {
                    servers.put(name(object), object);
                }
            }
        }
        return servers;
    }

    private void checkIngress(JsonNode ingress, Map<String, JsonNode> mcpServers, List<String> violations) {
        JsonNode annotations = ingress.path("metadata").path("annotations");
        String ingressClass = ingress.path("spec").path("ingressClassName")
                .asText(annotations.path("kubernetes.io/ingress.class").asText("nginx"));
        if (!ingressClass.contains("nginx") || !routesTo(ingress, mcpServers)) {
            return;
        }
        String id = display(ingress);
        if (!"off".equals(annotations.path(NGINX + "proxy-buffering").textValue())) {
            violations.add("sse-proxy-buffering " + id);
        }
        if (seconds(annotations.path(NGINX + "proxy-read-timeout"), 60) < 3600) {
            violations.add("sse-read-timeout " + id);
        }
        if (seconds(annotations.path(NGINX + "proxy-send-timeout"), 60) < 3600) {
            violations.add("sse-send-timeout " + id);
        }
    }

    private boolean routesTo(JsonNode ingress, Map<String, JsonNode> mcpServers) {
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode service = servicesByName.get(path.path("backend").path("service").path("name").asText());
                if (service != null && mcpServers.values().stream()
                        .anyMatch(server -> selects(service.path("spec").path("selector"), podLabels(server)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void checkHpa(JsonNode hpa, Map<String, JsonNode> mcpServers, List<String> violations) {
        if (!mcpServers.containsKey(hpa.path("spec").path("scaleTargetRef").path("name").asText())) {
            return;
        }
        JsonNode window = hpa.path("spec").path("behavior").path("scaleDown").path("stabilizationWindowSeconds");
        if (!window.isMissingNode() && window.asInt() < 300) {
            violations.add("hpa-scale-down-stabilization " + display(hpa));
        }
    }

    private void checkServer(JsonNode server, List<String> violations) {
        String id = display(server);
        JsonNode grace = podSpec(server).path("terminationGracePeriodSeconds");
        if (!grace.isInt() || grace.asInt() < 60) {
            violations.add("termination-grace-period " + id);
        }
        boolean covered = objects.stream()
                .filter(o -> "PodDisruptionBudget".equals(o.path("kind").asText()))
                .anyMatch(pdb -> selects(pdb.path("spec").path("selector").path("matchLabels"), podLabels(server)));
        if (!covered) {
            violations.add("pdb-coverage " + id);
        }
        for (JsonNode container : podSpec(server).path("containers")) {
            for (JsonNode env : container.path("env")) {
                if (LITERAL_CREDENTIAL.matcher(env.path("value").asText()).find()) {
                    violations.add("values-no-secrets " + id + " env " + env.path("name").asText());
                }
            }
        }
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (!matchLabels.isObject() || matchLabels.isEmpty()) {
            return false;
        }
        for (var entry : matchLabels.properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static long seconds(JsonNode annotation, long controllerDefault) {
        if (annotation.isMissingNode()) {
            return controllerDefault;
        }
        if (!annotation.isTextual() || !annotation.asText().matches("\\d+")) {
            return -1;
        }
        return Long.parseLong(annotation.asText());
    }

    private static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    private static JsonNode podLabels(JsonNode workload) {
        return workload.path("spec").path("template").path("metadata").path("labels");
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static String display(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }
}
