package dev.mcpolicy.app;

import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.McpMarkers;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.manifest.InputProblem;
import dev.mcpolicy.manifest.ManifestDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what the rendered inputs of a run are: one render (the usual case: files, folders and stdin together), or,
 * when two files define the same object (API group, kind, namespace and name), one render per file. Such files are
 * separate renders (three environments of one chart, say): merged into one graph, one file's objects would hide the
 * other's and relations would cross between them. Each pair of files that shares objects is reported as an error at
 * the first shared object, naming both places.
 *
 * @param renders  the renders in input order, each with its graph
 * @param problems one error per pair of files that define the same objects
 */
record RenderSplit(List<Render> renders, List<InputProblem> problems) {

    /** One render: its documents and the graph built from them. */
    record Render(List<ManifestDocument> documents, ResourceGraph graph) {
    }

    static RenderSplit of(List<ManifestDocument> documents, String releaseNamespace) {
        return of(documents, releaseNamespace, McpMarkers.NONE);
    }

    /** @param markers the repository's own MCP-server markers */
    static RenderSplit of(List<ManifestDocument> documents, String releaseNamespace, McpMarkers markers) {
        ResourceGraph graph = ResourceGraph.build(documents, releaseNamespace, markers);
        Map<String, List<K8sObject>> shared = fromOneFile(documents) ? Map.of() : sharedAcrossFiles(graph);
        if (shared.isEmpty()) {
            return new RenderSplit(List.of(new Render(documents, graph)), List.of());
        }
        List<InputProblem> problems = new ArrayList<>();
        shared.forEach((pair, objects) -> problems.add(problem(objects)));
        Map<String, List<ManifestDocument>> byFile = new LinkedHashMap<>();
        for (ManifestDocument document : documents) {
            byFile.computeIfAbsent(document.file(), file -> new ArrayList<>()).add(document);
        }
        List<Render> renders = new ArrayList<>();
        byFile.values().forEach(fileDocuments ->
                renders.add(new Render(fileDocuments, ResourceGraph.build(fileDocuments, releaseNamespace, markers))));
        return new RenderSplit(renders, problems);
    }

    private static boolean fromOneFile(List<ManifestDocument> documents) {
        for (ManifestDocument document : documents) {
            if (!document.file().equals(documents.get(0).file())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Objects a later file defines again, by pair of files ("earlier\0later"): for each pair, the earlier copy and
     * the later copy of every shared object, alternating, in input order.
     */
    private static Map<String, List<K8sObject>> sharedAcrossFiles(ResourceGraph graph) {
        if (graph.overridden().isEmpty()) {
            return Map.of();
        }
        Map<String, List<K8sObject>> byName = new HashMap<>();
        for (K8sObject object : graph.objects()) {
            byName.computeIfAbsent(nameKey(object), key -> new ArrayList<>()).add(object);
        }
        Map<String, List<K8sObject>> pairs = new LinkedHashMap<>();
        for (K8sObject earlier : graph.overridden()) {
            List<K8sObject> sameName = byName.get(nameKey(earlier));
            int at = indexOf(sameName, earlier);
            if (at < 0 || at + 1 >= sameName.size()) {
                continue;
            }
            K8sObject later = sameName.get(at + 1);
            String first = earlier.document().file();
            String second = later.document().file();
            if (!first.equals(second)) {
                List<K8sObject> pair = pairs.computeIfAbsent(first + "\0" + second, key -> new ArrayList<>());
                pair.add(earlier);
                pair.add(later);
            }
        }
        return pairs;
    }

    private static InputProblem problem(List<K8sObject> shared) {
        K8sObject earlier = shared.get(0);
        K8sObject later = shared.get(1);
        var at = Checker.objectLocation(later);
        var first = Checker.objectLocation(earlier);
        int more = shared.size() / 2 - 1;
        String namespace = later.namespace() == null ? "" : " (namespace " + later.namespace() + ")";
        return InputProblem.error(at.file(), at.line(), at.column(), later.displayName() + namespace
                + " is also defined in " + first.file() + ":" + first.line()
                + (more == 0 ? "" : ", and " + more + " more object" + (more == 1 ? " is" : "s are") + " in both files")
                + ": they look like separate renders, so each file was checked on its own; check one render per run");
    }

    private static String nameKey(K8sObject object) {
        return object.kind() + "\0" + (object.namespace() == null ? "" : object.namespace()) + "\0" + object.name();
    }

    private static int indexOf(List<K8sObject> objects, K8sObject wanted) {
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}
