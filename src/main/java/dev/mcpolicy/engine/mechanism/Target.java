package dev.mcpolicy.engine.mechanism;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.Workload;
import dev.mcpolicy.manifest.ManifestDocument;

import java.util.Map;

/**
 * One node a selector picked for an assertion: an object, a container of a workload, or a values document.
 *
 * @param document     the document the node is in
 * @param object       the Kubernetes object, or null for a values document
 * @param workload     the workload when the object runs pods, else null
 * @param pointer      pointer of the selected node in document coordinates
 * @param node         the selected node
 * @param placeholders facts the selector adds to messages ({@code controllerNote}, {@code container}, …)
 */
public record Target(ManifestDocument document, K8sObject object, Workload workload, String pointer, JsonNode node,
                     Map<String, String> placeholders) {
    public Target {
        placeholders = Map.copyOf(placeholders);
    }

    public static Target of(K8sObject object, Workload workload, Map<String, String> placeholders) {
        return new Target(object.document(), object, workload, object.basePointer(), object.node(), placeholders);
    }

    /** How messages name what the target belongs to: {@code Kind/name}, or the values file. */
    public String displayName() {
        return object != null ? object.displayName() : document.file();
    }
}
