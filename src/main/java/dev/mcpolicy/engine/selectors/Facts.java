package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.MessageLists;
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.IngressController;
import dev.mcpolicy.graph.McpDecision;
import dev.mcpolicy.graph.Workload;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Message facts several selectors share: why a workload is an MCP server, which controller serves a route. */
final class Facts {
    /** The placeholders every route-shaped target fills. */
    static final Map<String, String> ROUTE_PLACEHOLDERS = ordered(
            "controller", "the controller that serves the route (ingress-nginx, traefik, kong, istio, …)",
            "controllerReason", "why that controller was chosen (class field, annotation, default IngressClass, …)",
            "controllerNote", "\" (ingress-nginx assumed: …)\" when the controller was assumed, else empty",
            "mcpServers", "the MCP servers the route reaches (at most two named, then \"and N more\"), a Service outside"
                    + " the render named as \"Service/x (an MCP endpoint outside the render)\", or \"no MCP server\"");

    private Facts() {
    }

    static String mcpReason(EvaluationContext context, Workload workload) {
        return context.graph().mcpDecision(workload).map(McpDecision::reason).orElse("");
    }

    static Map<String, String> route(IngressController controller, Collection<Workload> servers) {
        return route(controller, servers, List.of());
    }

    /** @param outside backends to MCP endpoints whose Service the render does not contain (another release's) */
    static Map<String, String> route(IngressController controller, Collection<Workload> servers,
                                     List<Backend> outside) {
        Map<String, String> facts = new HashMap<>();
        facts.put("controller", controller.id());
        facts.put("controllerReason", controller.reason());
        facts.put("controllerNote", controller.assumed() ? " (" + controller.reason() + ")" : "");
        facts.put("mcpServers", names(servers, outside));
        return facts;
    }

    /** Whether a route reaches an MCP server: one of the render, or an MCP endpoint path to a Service outside it. */
    static boolean routesToMcp(Collection<Workload> servers, List<Backend> outside) {
        return !servers.isEmpty() || !outside.isEmpty();
    }

    static String names(Collection<Workload> servers) {
        return names(servers, List.of());
    }

    static String names(Collection<Workload> servers, List<Backend> outside) {
        Set<String> names = new LinkedHashSet<>();
        servers.forEach(server -> names.add(server.object().displayName()));
        outside.forEach(backend -> names.add("Service/" + backend.serviceName() + " (an MCP endpoint outside the render)"));
        return names.isEmpty() ? "no MCP server" : MessageLists.join(names, 2);
    }

    /** A map in the order of its alternating keys and values. */
    static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            V value = (V) keysAndValues[i + 1];
            out.put((String) keysAndValues[i], value);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    static <V> Map<String, V> plus(Map<String, V> base, Object... keysAndValues) {
        Map<String, V> out = new LinkedHashMap<>(base);
        out.putAll(ordered(keysAndValues));
        return java.util.Collections.unmodifiableMap(out);
    }
}
