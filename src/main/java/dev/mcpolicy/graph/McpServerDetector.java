package dev.mcpolicy.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.parallel.InParallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which workloads are MCP servers.
 *
 * <p>Markers, read in this fixed priority order (the first one found names the reason):
 * <ol>
 *   <li>annotation {@code mcpolicy.dev/mcp-server} on the object, then on its pod template:
 *       {@code "false"} opts the workload out (on either, always wins), {@code "true"} opts it in;</li>
 *   <li>a container env var whose name starts with {@code MCP_};</li>
 *   <li>a container port whose name has {@code mcp} as a word (words split on {@code -} and {@code _});</li>
 *   <li>a container whose name has {@code mcp} as a word;</li>
 *   <li>a container image whose repository path (registry host, tag and digest left out) has {@code mcp} as a word
 *       ({@code acme/mcp-server}, {@code mcp/fetch}, {@code acme/github-mcp}; not {@code acme/kmcp/controller});</li>
 *   <li>another object of the render calls the workload's Service as an MCP endpoint
 *       ({@code http://<service>[.<namespace>[.svc…]][:<port>]/mcp} or {@code /sse} in a ConfigMap, an env value or a
 *       custom resource; {@link McpEndpointReferences}).</li>
 * </ol>
 * Words are the maximal runs of letters and digits of a name ({@code github_mcp} and {@code mcp.tools} have the word
 * {@code mcp}; {@code kmcp} and {@code mcpserver} do not).
 * Within markers 2–5 containers are read in order ({@code containers} only: init containers do not serve).
 *
 * <p>Before markers 2–6, a Kubernetes controller manager (the kubebuilder shape: a leader-election flag, a
 * {@code manager} command or a {@code controller-manager}/{@code manager} name, and no ports but metrics, health
 * probe and webhook ones) is not an MCP server, whatever its image is called: an operator that manages MCP servers
 * does not serve MCP itself.
 * Object names are never a marker: a release called {@code mcp-stack} prefixes its database's name too.
 *
 * <p>Markers 2–5 count only on long-running workloads: a Helm test Pod that probes the server carries the same
 * words. The annotation {@code "true"} counts on any workload. When no workload of the render is an MCP server
 * by a marker, every long-running workload that did not opt out is treated as one.
 */
final class McpServerDetector {
    static final String ANNOTATION = "mcpolicy.dev/mcp-server";
    static final String FALLBACK_REASON =
            "no workload carries an MCP marker; every long-running workload is treated as an MCP server";
    /** Renders with at least this many workloads have their markers read on several threads. */
    private static final int PARALLEL_WORKLOADS = 256;

    private McpServerDetector() {
    }

    static List<McpDecision> decide(List<Workload> workloads) {
        return decide(workloads, Map.of());
    }

    /** @param referencedAsEndpoint workload object → why another object calls it as an MCP endpoint */
    static List<McpDecision> decide(List<Workload> workloads, Map<K8sObject, String> referencedAsEndpoint) {
        return decide(workloads, referencedAsEndpoint, McpMarkers.NONE);
    }

    /** @param extra the repository's own markers: its annotations follow the built-in one, its env and images come first */
    static List<McpDecision> decide(List<Workload> workloads, Map<K8sObject, String> referencedAsEndpoint,
                                    McpMarkers extra) {
        // Each workload's markers are its own: read on several threads for a large render.
        List<Optional<Marker>> markers = InParallel.map(workloads.size(), PARALLEL_WORKLOADS,
                i -> firstMarker(workloads.get(i), referencedAsEndpoint.get(workloads.get(i).object()), extra));
        boolean anyServerByMarker = false;
        for (int i = 0; i < workloads.size(); i++) {
            Workload workload = workloads.get(i);
            anyServerByMarker |= markers.get(i).filter(m -> m.counts(workload)).map(Marker::makesServer).orElse(false);
        }
        List<McpDecision> decisions = new ArrayList<>(workloads.size());
        for (int i = 0; i < workloads.size(); i++) {
            decisions.add(decision(workloads.get(i), markers.get(i), anyServerByMarker));
        }
        return decisions;
    }

    private static McpDecision decision(Workload workload, Optional<Marker> marker, boolean markerMode) {
        if (marker.isPresent() && marker.get().counts(workload)) {
            return new McpDecision(workload, marker.get().makesServer(), marker.get().reason());
        }
        if (!workload.longRunning()) {
            return new McpDecision(workload, false, notLongRunningReason(workload, marker.isPresent()));
        }
        if (markerMode) {
            return new McpDecision(workload, false,
                    "carries no MCP marker, while other workloads of the render do");
        }
        return new McpDecision(workload, true, FALLBACK_REASON);
    }

    /** True for a workload that is an MCP server only because no workload of the render carries a marker. */
    static boolean inferred(McpDecision decision) {
        return decision.mcpServer() && FALLBACK_REASON.equals(decision.reason());
    }

    private static String notLongRunningReason(Workload workload, boolean ignoredMarker) {
        String what = workload.object().kind().equals("Pod") ? "a Helm hook Pod" : "a " + workload.object().kind();
        return what + " runs to completion" + (ignoredMarker ? "; its MCP markers are ignored" : "")
                + "; not treated as an MCP server";
    }

    /** @param explicit the annotation, which counts on any workload */
    private record Marker(boolean makesServer, boolean explicit, String reason) {
        boolean counts(Workload workload) {
            return explicit || workload.longRunning();
        }
    }

    private static Optional<Marker> firstMarker(Workload workload, String reference, McpMarkers extra) {
        JsonNode template = templateOf(workload);
        Optional<Marker> annotated = annotationMarker(workload.object().node(), template);
        if (annotated.isPresent()) {
            return annotated;
        }
        for (String key : extra.annotations()) {
            for (JsonNode node : template == workload.object().node() ? List.of(template)
                    : List.of(workload.object().node(), template)) {
                if ("true".equals(normalized(StringMaps.annotations(node).get(key)))) {
                    return Optional.of(new Marker(true, true, "annotation " + key + " is \"true\" (configured marker)"));
                }
            }
        }
        List<JsonNode> containers = containers(workload.podSpec());
        Optional<String> controller = ControllerManagerShape.reason(workload.object().name(), containers);
        if (controller.isPresent()) {
            return Optional.of(new Marker(false, true, controller.get()));
        }
        for (JsonNode container : containers) {
            Optional<String> configured = configuredMarker(container, extra);
            if (configured.isPresent()) {
                return Optional.of(new Marker(true, false, configured.get()));
            }
        }
        List<Function<JsonNode, Optional<String>>> heuristics = List.of(
                McpServerDetector::envMarker, McpServerDetector::portMarker,
                McpServerDetector::containerNameMarker, McpServerDetector::imageMarker);
        for (Function<JsonNode, Optional<String>> heuristic : heuristics) {
            for (JsonNode container : containers) {
                Optional<String> reason = heuristic.apply(container);
                if (reason.isPresent()) {
                    return Optional.of(new Marker(true, false, reason.get()));
                }
            }
        }
        return reference == null ? Optional.empty() : Optional.of(new Marker(true, false, reference));
    }

    private static JsonNode templateOf(Workload workload) {
        String pointer = workload.podSpecPointer();
        String templatePointer = pointer.substring(0, pointer.length() - "/spec".length());
        return workload.object().node().at(templatePointer);
    }

    private static Optional<Marker> annotationMarker(JsonNode object, JsonNode template) {
        String onObject = normalized(StringMaps.annotations(object).get(ANNOTATION));
        String onTemplate = template == object ? null : normalized(StringMaps.annotations(template).get(ANNOTATION));
        if ("false".equals(onObject)) {
            return Optional.of(new Marker(false, true, "annotation " + ANNOTATION + " is \"false\""));
        }
        if ("false".equals(onTemplate)) {
            return Optional.of(new Marker(false, true, "pod template annotation " + ANNOTATION + " is \"false\""));
        }
        if ("true".equals(onObject)) {
            return Optional.of(new Marker(true, true, "annotation " + ANNOTATION + " is \"true\""));
        }
        if ("true".equals(onTemplate)) {
            return Optional.of(new Marker(true, true, "pod template annotation " + ANNOTATION + " is \"true\""));
        }
        return Optional.empty();
    }

    private static String normalized(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static List<JsonNode> containers(JsonNode podSpec) {
        List<JsonNode> containers = new ArrayList<>();
        JsonNode list = podSpec.path("containers");
        if (list.isArray()) {
            list.forEach(container -> {
                if (container.isObject()) {
                    containers.add(container);
                }
            });
        }
        return containers;
    }

    private static String containerName(JsonNode container) {
        String name = ObjectExtractor.text(container.path("name"));
        return name == null ? "?" : name;
    }

    private static Optional<String> configuredMarker(JsonNode container, McpMarkers extra) {
        for (JsonNode env : container.path("env")) {
            String name = ObjectExtractor.text(env.path("name"));
            if (name != null && extra.envVars().contains(name)) {
                return Optional.of("container \"" + containerName(container) + "\" sets env " + name
                        + " (configured marker)");
            }
        }
        String image = ObjectExtractor.text(container.path("image"));
        if (image != null) {
            for (String glob : extra.images()) {
                if (McpMarkers.imageMatches(glob, image)) {
                    return Optional.of("container \"" + containerName(container) + "\" runs image " + image
                            + ", which matches " + glob + " (configured marker)");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> envMarker(JsonNode container) {
        for (JsonNode env : container.path("env")) {
            String name = ObjectExtractor.text(env.path("name"));
            if (name != null && name.startsWith("MCP_")) {
                return Optional.of("container \"" + containerName(container) + "\" sets env " + name);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> portMarker(JsonNode container) {
        for (JsonNode port : container.path("ports")) {
            String name = ObjectExtractor.text(port.path("name"));
            if (name != null && hasMcpWord(name)) {
                return Optional.of("container \"" + containerName(container) + "\" has port \"" + name + "\"");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> containerNameMarker(JsonNode container) {
        String name = ObjectExtractor.text(container.path("name"));
        return name != null && hasMcpWord(name)
                ? Optional.of("container \"" + name + "\" has \"mcp\" in its name")
                : Optional.empty();
    }

    private static Optional<String> imageMarker(JsonNode container) {
        String image = ObjectExtractor.text(container.path("image"));
        if (image == null) {
            return Optional.empty();
        }
        ImageReference reference = ImageReference.parse(image.trim());
        return hasMcpWord(reference.repositoryPath())
                ? Optional.of("image " + reference.withoutTagOrDigest() + " has \"mcp\" in its repository name")
                : Optional.empty();
    }

    /**
     * True when {@code mcp} is a whole word of the name or path: a maximal run of letters and digits
     * ({@code mcp}, {@code mcp-server}, {@code github_mcp}, {@code acme/mcp/fetch}; not {@code kmcp}, {@code mcpx}).
     */
    static boolean hasMcpWord(String name) {
        for (String word : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.equals("mcp")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A container image reference split the way the container runtime reads it.
     *
     * @param registryHost   "ghcr.io", or "" when the reference names none (Docker Hub)
     * @param repositoryPath "acme/mcp-server"
     */
    record ImageReference(String registryHost, String repositoryPath) {
        static ImageReference parse(String image) {
            String reference = image;
            int at = reference.indexOf('@');
            if (at >= 0) {
                reference = reference.substring(0, at);
            }
            int colon = reference.lastIndexOf(':');
            if (colon > reference.lastIndexOf('/')) {
                reference = reference.substring(0, colon);
            }
            int slash = reference.indexOf('/');
            if (slash > 0) {
                String first = reference.substring(0, slash);
                if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                    return new ImageReference(first, reference.substring(slash + 1));
                }
            }
            return new ImageReference("", reference);
        }

        String withoutTagOrDigest() {
            return registryHost.isEmpty() ? repositoryPath : registryHost + "/" + repositoryPath;
        }
    }
}
