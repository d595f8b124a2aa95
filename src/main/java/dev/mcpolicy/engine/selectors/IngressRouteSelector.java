package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Where;
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.IngressController;
import dev.mcpolicy.graph.K8sObject;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ingress-routes}: Ingresses, filtered by the controller that serves them ({@code controller: [ingress-nginx]})
 * and by whether they route to an MCP server ({@code routesToMcpServer}).
 */
public final class IngressRouteSelector implements Selector {

    @Override
    public String name() {
        return "ingress-routes";
    }

    @Override
    public Map<String, FilterKind> filters() {
        return Map.of("controller", FilterKind.STRINGS, "routesToMcpServer", FilterKind.BOOLEAN,
                "apiVersion", FilterKind.STRINGS);
    }

    @Override
    public Set<String> placeholders() {
        return Set.of("controller", "controllerNote", "controllerReason", "mcpServers");
    }

    @Override
    public boolean yieldsWorkloads() {
        return false;
    }

    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        List<Target> targets = new ArrayList<>();
        for (K8sObject route : context.graph().ofKind("Ingress")) {
            if (!where.allows("apiVersion", route.apiVersion())) {
                continue;
            }
            IngressController controller = context.graph().controller(route);
            if (!where.allows("controller", controller.id())) {
                continue;
            }
            List<Workload> servers = context.graph().mcpServersBehind(route);
            List<Backend> outside = context.graph().mcpBackendsOutsideRender(route);
            if (!where.allows("routesToMcpServer", RouteFacts.routesToMcp(servers, outside))) {
                continue;
            }
            targets.add(Target.of(route, null, RouteFacts.of(controller, servers, outside)));
        }
        return targets;
    }
}
