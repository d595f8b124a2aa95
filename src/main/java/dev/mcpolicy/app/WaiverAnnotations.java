package dev.mcpolicy.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.finding.Location;
import dev.mcpolicy.finding.ObjectRef;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.Workload;
import dev.mcpolicy.manifest.JsonPointers;
import dev.mcpolicy.manifest.ManifestDocument;
import dev.mcpolicy.manifest.NodeSpan;
import dev.mcpolicy.waivers.AnnotationWaivers;
import dev.mcpolicy.waivers.Waiver;
import dev.mcpolicy.waivers.WaiverSet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Collects the waiver annotations of every render of a run ({@code ignore.mcpolicy.dev/<rule>} on an object or its
 * pod template). An object rendered in several environments carries its waivers once.
 */
final class WaiverAnnotations {
    private final Map<String, Waiver> waivers = new LinkedHashMap<>(); // by object and rule, first one kept
    private final List<dev.mcpolicy.manifest.InputProblem> problems = new ArrayList<>();

    /**
     * @param locate where a pointer of a document is shown (chart mode maps it to the template line); null for the
     *               rendered place
     */
    void collect(ResourceGraph graph, BiFunction<K8sObject, String, Location> locate) {
        for (K8sObject object : graph.objects()) {
            Map<String, String> annotations = new LinkedHashMap<>();
            Map<String, String> pointers = new LinkedHashMap<>();
            Optional<Workload> workload = graph.workload(object);
            if (workload.isPresent() && workload.get().podSpecPointer().endsWith("/spec")
                    && !workload.get().podSpecPointer().equals("/spec")) {
                String template = workload.get().podSpecPointer().substring(0,
                        workload.get().podSpecPointer().length() - "/spec".length());
                read(object, template + "/metadata/annotations", annotations, pointers);
            }
            read(object, "/metadata/annotations", annotations, pointers);
            if (annotations.keySet().stream().noneMatch(key -> key.startsWith(AnnotationWaivers.PREFIX)
                    || key.startsWith(AnnotationWaivers.EXPIRES_PREFIX))) {
                continue;
            }
            ObjectRef target = Checker.objectRef(object);
            WaiverSet set = AnnotationWaivers.read(target, annotations, key -> locate == null
                    ? rendered(object.document(), pointers.get(key)) : locate.apply(object, pointers.get(key)));
            for (Waiver waiver : set.waivers()) {
                waivers.putIfAbsent(target + "\0" + waiver.rule(), waiver);
            }
            problems.addAll(set.problems());
        }
    }

    /** Adds what another collector found after what this one holds (charts are checked side by side). */
    void addAll(WaiverAnnotations other) {
        other.waivers.forEach(waivers::putIfAbsent);
        problems.addAll(other.problems);
    }

    WaiverSet result() {
        return new WaiverSet(List.copyOf(waivers.values()), problems.stream().distinct().toList());
    }

    /** The object's own annotations win over its pod template's (read later, so they overwrite). */
    private static void read(K8sObject object, String relative, Map<String, String> annotations,
                             Map<String, String> pointers) {
        JsonNode node = object.node().at(relative);
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            annotations.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asText());
            pointers.put(entry.getKey(), object.pointer(JsonPointers.child(relative, entry.getKey())));
        }
    }

    private static Location rendered(ManifestDocument document, String pointer) {
        NodeSpan span = document.positions().locate(pointer).span();
        if (span == null) {
            return new Location(document.file(), document.firstLine(), 1, 0, Location.DOCUMENT);
        }
        return new Location(document.file(), span.anchor().line(), span.anchor().column(), span.anchorEndColumn(),
                Location.EXACT);
    }
}
