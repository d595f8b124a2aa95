package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.EvaluationContext;
import dev.mcpolicy.engine.Selector;
import dev.mcpolicy.engine.Target;
import dev.mcpolicy.engine.Where;
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code routes}: every route of the render, whatever its kind (Ingress, IngressRoute, VirtualServer,
 * VirtualServerRoute, VirtualService, HTTPRoute, HTTPProxy), filtered by {@code kind}, {@code apiVersion},
 * {@code controller} and {@code routesToMcpServer}. Settings that apply to the whole route (annotations) are checked
 * on these targets.
 */
public final class RouteSelector implements Selector {

    @Override
    public String name() {
        return "routes";
    }

    @Override
    public Map<String, FilterKind> filters() {
        return RouteFacts.ROUTE_FILTERS;
    }

    @Override
    public Set<String> placeholders() {
        return RouteFacts.PLACEHOLDERS;
    }

    @Override
    public boolean yieldsWorkloads() {
        return false;
    }

    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        List<Target> targets = new ArrayList<>();
        for (RouteFacts.ServedRoute served : RouteFacts.routes(context, where)) {
            List<Workload> servers = context.graph().mcpServersBehind(served.route());
            List<Backend> outside = context.graph().mcpBackendsOutsideRender(served.route());
            if (where.allows("routesToMcpServer", RouteFacts.routesToMcp(servers, outside))) {
                targets.add(Target.of(served.route(), null, RouteFacts.of(served.controller(), servers, outside)));
            }
        }
        return targets;
    }
}
