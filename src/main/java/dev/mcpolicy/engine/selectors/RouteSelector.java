package dev.mcpolicy.engine.selectors;

import dev.mcpolicy.engine.mechanism.EvaluationContext;
import dev.mcpolicy.engine.mechanism.Filter;
import dev.mcpolicy.engine.mechanism.MechanismDoc;
import dev.mcpolicy.engine.mechanism.TargetKind;
import dev.mcpolicy.engine.mechanism.Selector;
import dev.mcpolicy.engine.mechanism.Target;
import dev.mcpolicy.engine.mechanism.Where;
import dev.mcpolicy.graph.Backend;
import dev.mcpolicy.graph.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    public TargetKind yields() {
        return TargetKind.ROUTE;
    }

    @Override
    public Map<String, Filter> filters() {
        return RouteFacts.ROUTE_FILTERS;
    }

    @Override
    public Map<String, String> placeholders() {
        return Facts.ROUTE_PLACEHOLDERS;
    }

    @Override
    public MechanismDoc doc() {
        return new MechanismDoc("Each route of the render, whatever its kind (Ingress, IngressRoute, VirtualServer,"
                + " VirtualServerRoute, VirtualService, HTTPRoute, HTTPProxy); settings that apply to the whole route"
                + " (annotations) are checked here.",
                "target: routes\nscope: mcp-server\nwhere: {controller: [kong], routesToMcpServer: true}");
    }


    @Override
    public List<Target> select(EvaluationContext context, Where where) {
        List<Target> targets = new ArrayList<>();
        for (RouteFacts.ServedRoute served : RouteFacts.routes(context, where)) {
            List<Workload> servers = context.graph().mcpServersBehind(served.route());
            List<Backend> outside = context.graph().mcpBackendsOutsideRender(served.route());
            if (where.allows("routesToMcpServer", Facts.routesToMcp(servers, outside))) {
                targets.add(Target.of(served.route(), null, Facts.route(served.controller(), servers, outside)));
            }
        }
        return targets;
    }
}
