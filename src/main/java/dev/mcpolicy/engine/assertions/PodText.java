package dev.mcpolicy.engine.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The text a pod runs: each container's (and init container's) {@code command}, {@code args} and literal
 * {@code env} values, plus the data of the ConfigMaps of the render it mounts or reads env from — where test
 * scripts and request bodies live. One line per item, in document order.
 */
final class PodText {
    private PodText() {
    }

    static String of(Workload workload, ResourceGraph graph) {
        JsonNode podSpec = workload.podSpec();
        List<String> parts = new ArrayList<>();
        Set<String> configMaps = new LinkedHashSet<>();
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : podSpec.path(list)) {
                addScalars(container.path("command"), parts);
                addScalars(container.path("args"), parts);
                for (JsonNode env : container.path("env")) {
                    addScalar(env.path("value"), parts);
                }
                for (JsonNode source : container.path("envFrom")) {
                    addName(source.path("configMapRef").path("name"), configMaps);
                }
            }
        }
        for (JsonNode volume : podSpec.path("volumes")) {
            addName(volume.path("configMap").path("name"), configMaps);
            for (JsonNode source : volume.path("projected").path("sources")) {
                addName(source.path("configMap").path("name"), configMaps);
            }
        }
        String namespace = workload.object().namespace();
        for (String name : configMaps) {
            graph.find("ConfigMap", namespace, name).ifPresent(configMap -> addData(configMap, parts));
        }
        return String.join("\n", parts);
    }

    private static void addData(K8sObject configMap, List<String> parts) {
        configMap.node().path("data").forEach(value -> addScalar(value, parts));
    }

    private static void addScalars(JsonNode list, List<String> parts) {
        if (list.isArray()) {
            list.forEach(item -> addScalar(item, parts));
        } else {
            addScalar(list, parts);
        }
    }

    private static void addScalar(JsonNode value, List<String> parts) {
        if (value.isValueNode() && !value.isNull()) {
            parts.add(value.asText());
        }
    }

    private static void addName(JsonNode name, Set<String> names) {
        if (name.isTextual() && !name.asText().isBlank()) {
            names.add(name.asText());
        }
    }
}
