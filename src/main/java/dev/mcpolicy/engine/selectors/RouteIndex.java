package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.ResourceGraph;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Facts about the render that several mechanisms ask per object, computed once per run: which routes name a
 * Service as their backend, and which namespaces hold an MCP server that no PodDisruptionBudget covers.
 */
public final class RouteIndex {
    private RouteIndex() {
    }

    /** Routes (today: Ingresses) whose backends name this Service; empty when none. */
    public static List<K8sObject> routesTo(EvaluationContext context, K8sObject service) {
        Map<K8sObject, List<K8sObject>> index = context.memo("routes-by-service", () -> {
            Map<K8sObject, List<K8sObject>> routes = new IdentityHashMap<>();
            ResourceGraph graph = context.graph();
            for (K8sObject route : graph.ofKind("Ingress")) {
                for (Backend backend : graph.backends(route)) {
                    if (backend.service() != null) {
                        List<K8sObject> list = routes.computeIfAbsent(backend.service(), s -> new ArrayList<>());
                        if (list.isEmpty() || list.get(list.size() - 1) != route) {
                            list.add(route);
                        }
                    }
                }
            }
            return routes;
        });
        return index.getOrDefault(service, List.of());
    }

    /**
     * True when the object's namespace holds a long-running MCP server that no PodDisruptionBudget covers: the
     * {@code pdb-coverage} finding on that server already names the budgets of the namespace.
     */
    public static boolean besideUncoveredMcpServer(EvaluationContext context, K8sObject object) {
        Set<String> namespaces = context.memo("namespaces-with-uncovered-mcp-server", () -> {
            Set<String> out = new HashSet<>();
            for (Workload server : context.graph().mcpServers()) {
                if (server.longRunning() && context.graph().pdbsCovering(server).isEmpty()) {
                    out.add(Objects.toString(server.object().namespace(), ""));
                }
            }
            return out;
        });
        return namespaces.contains(Objects.toString(object.namespace(), ""));
    }
}
