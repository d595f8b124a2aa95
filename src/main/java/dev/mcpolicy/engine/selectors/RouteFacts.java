package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.MessageLists;
import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Where;
import dev.mcpolicy.graph.K8sObject;
import java.util.ArrayList;
import java.util.List;

import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.IngressController;
import dev.mcpolicy.graph.Workload;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The message facts every route-shaped target shares: which controller serves it and which MCP servers it reaches. */
final class RouteFacts {
    static final Set<String> PLACEHOLDERS = Set.of("controller", "controllerNote", "controllerReason", "mcpServers");

    /** The filters of the route-shaped selectors ({@code routes}, {@code route-rules}). */
    static final Map<String, Selector.FilterKind> ROUTE_FILTERS = Map.of("kind", Selector.FilterKind.STRINGS,
            "apiVersion", Selector.FilterKind.STRINGS, "controller", Selector.FilterKind.STRINGS,
            "routesToMcpServer", Selector.FilterKind.BOOLEAN);

    /** A route that passed the kind, apiVersion and controller filters, with the controller that serves it. */
    record ServedRoute(K8sObject route, IngressController controller) {
    }

    private RouteFacts() {
    }

    /** Routes of the render, in input order, whose kind, apiVersion and controller the filters allow. */
    static List<ServedRoute> routes(EvaluationContext context, Where where) {
        List<ServedRoute> out = new ArrayList<>();
        for (K8sObject route : context.graph().routes()) {
            if (!where.allows("kind", route.kind()) || !where.allows("apiVersion", route.apiVersion())) {
                continue;
            }
            IngressController controller = context.graph().controller(route);
            if (where.allows("controller", controller.id())) {
                out.add(new ServedRoute(route, controller));
            }
        }
        return out;
    }

    static Map<String, String> of(IngressController controller, Collection<Workload> servers) {
        return of(controller, servers, List.of());
    }

    /** @param outside backends to MCP endpoints whose Service the render does not contain (another release's) */
    static Map<String, String> of(IngressController controller, Collection<Workload> servers, List<Backend> outside) {
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
}
